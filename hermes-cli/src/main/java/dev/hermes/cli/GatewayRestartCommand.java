package dev.hermes.cli;

import dev.hermes.supervision.GatewayControl;
import dev.hermes.supervision.GatewayWait.Goal;

/** {@code hermes [-p P] gateway restart [--all] [--wait [--timeout S]]}. */
public final class GatewayRestartCommand extends GatewayLifecycleCommand {
  @Override
  String verb() {
    return "restart";
  }

  @Override
  String pastTense() {
    return "Restarted";
  }

  @Override
  String description() {
    return "Restart the profile's gateway (start it when down) and record desired_state=running.";
  }

  @Override
  Goal goal() {
    return Goal.READY;
  }

  @Override
  void apply(GatewayControl control, String profile) {
    control.restart(profile);
  }
}

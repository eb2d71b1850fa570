package dev.hermes.cli;

import dev.hermes.supervision.GatewayControl;
import dev.hermes.supervision.GatewayWait.Goal;

/** {@code hermes [-p P] gateway stop [--all] [--wait [--timeout S]]}. */
public final class GatewayStopCommand extends GatewayLifecycleCommand {
  @Override
  String verb() {
    return "stop";
  }

  @Override
  String pastTense() {
    return "Stopped";
  }

  @Override
  String description() {
    return "Stop the profile's gateway and record desired_state=stopped.";
  }

  @Override
  Goal goal() {
    return Goal.DOWN;
  }

  @Override
  void apply(GatewayControl control, String profile) {
    control.stop(profile);
  }
}

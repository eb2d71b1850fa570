package dev.hermes.cli;

import dev.hermes.supervision.GatewayControl;
import dev.hermes.supervision.GatewayWait.Goal;

/** {@code hermes [-p P] gateway start [--all] [--wait [--timeout S]]}. */
public final class GatewayStartCommand extends GatewayLifecycleCommand {
  @Override
  String verb() {
    return "start";
  }

  @Override
  String pastTense() {
    return "Started";
  }

  @Override
  String description() {
    return "Start the profile's gateway and record desired_state=running.";
  }

  @Override
  Goal goal() {
    return Goal.READY;
  }

  @Override
  void apply(GatewayControl control, String profile) {
    control.start(profile);
  }
}

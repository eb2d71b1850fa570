package dev.hermes.cli;

import dev.hermes.supervision.GatewayControl;
import dev.hermes.supervision.GatewayWait.Goal;
import picocli.CommandLine.Command;

/** {@code hermes [-p P] gateway stop [--all] [--wait [--timeout S]]}. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = "Stop the profile's gateway and record desired_state=stopped.")
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
  Goal goal() {
    return Goal.DOWN;
  }

  @Override
  void apply(GatewayControl control, String profile) {
    control.stop(profile);
  }
}

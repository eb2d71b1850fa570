package dev.hermes.cli;

import dev.hermes.supervision.GatewayControl;
import dev.hermes.supervision.GatewayWait.Goal;
import picocli.CommandLine.Command;

/** {@code hermes [-p P] gateway restart [--all] [--wait [--timeout S]]}. */
@Command(
    name = "restart",
    mixinStandardHelpOptions = true,
    description =
        "Restart the profile's gateway (start it when down) and record desired_state=running.")
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
  Goal goal() {
    return Goal.READY;
  }

  @Override
  void apply(GatewayControl control, String profile) {
    control.restart(profile);
  }
}

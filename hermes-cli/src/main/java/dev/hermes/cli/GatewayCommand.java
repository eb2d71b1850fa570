package dev.hermes.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hermes gateway}: the profile's gateway process. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = "The profile's gateway process.",
    subcommands = {GatewayRunCommand.class})
public final class GatewayCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

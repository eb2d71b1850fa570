package dev.hermes.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hermes config}: the profiles' configuration files. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "The profiles' config.yaml files.",
    subcommands = {ConfigMigrateCommand.class})
public final class ConfigCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

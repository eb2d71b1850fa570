package dev.hermes.cli;

/** {@code hermes config}: the profiles' configuration files. */
public final class ConfigCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("config")
        .describe("The profiles' config.yaml files.")
        .subcommand("migrate", ConfigMigrateCommand::new);
  }

  @Override
  public int run(Invocation invocation) {
    invocation.printUsage();
    return 0;
  }
}

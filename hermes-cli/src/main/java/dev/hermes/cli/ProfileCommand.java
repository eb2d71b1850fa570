package dev.hermes.cli;

/** {@code hermes profile}: groups the profile subcommands; alone it prints their help. */
public final class ProfileCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("profile")
        .describe("Create, list, show and delete profiles.")
        .subcommand("create", ProfileCreateCommand::new)
        .subcommand("list", ProfileListCommand::new)
        .subcommand("show", ProfileShowCommand::new)
        .subcommand("delete", ProfileDeleteCommand::new);
  }

  @Override
  public int run(Invocation invocation) {
    invocation.printUsage();
    return 0;
  }
}

package dev.hermes.cli;

import dev.hermes.cli.top.TopView;

/** The root command. With no subcommand it prints the status summary and the help. */
public final class HermesCommand implements CliCommand {
  static final Option<Boolean> TUI =
      Option.flag("--tui", "Open the terminal view of every gateway (as 'hermes gateway top').");

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("hermes")
        .describe("Runs one supervised gateway per profile.")
        .globalOption(ProfileOption.PROFILE)
        .option(TUI)
        .subcommand("status", StatusCommand::new)
        .subcommand("up", UpCommand::new)
        .subcommand("profile", ProfileCommand::new)
        .subcommand("gateway", GatewayCommand::new)
        .subcommand("chat", ChatCommand::new)
        .subcommand("doctor", DoctorCommand::new)
        .subcommand("dashboard", DashboardCommand::new)
        .subcommand("config", ConfigCommand::new)
        .subcommand("completion", CompletionCommand::new)
        .subcommand("supervise", SuperviseCommand::new)
        .footer("Exit codes: 0 success, 1 failure, 2 bad usage (doctor: 2 = a check failed).");
  }

  @Override
  public int run(Invocation invocation) {
    if (invocation.get(TUI)) {
      TopView.show(invocation.context(), invocation.out());
      return 0;
    }
    StatusCommand.printSummary(invocation.context(), invocation.out());
    invocation.out().println();
    invocation.printUsage();
    return 0;
  }
}

package dev.hermes.cli;

import dev.hermes.supervision.GatewayAction;

/** {@code hermes gateway}: groups the gateway subcommands; alone it prints their help. */
public final class GatewayCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("gateway")
        .describe("Run, start, stop, restart and inspect profile gateways, and show their history.")
        .subcommand("run", GatewayRunCommand::new)
        .subcommand("start", () -> new GatewayLifecycleCommand(GatewayAction.START))
        .subcommand("stop", () -> new GatewayLifecycleCommand(GatewayAction.STOP))
        .subcommand("restart", () -> new GatewayLifecycleCommand(GatewayAction.RESTART))
        .subcommand("status", GatewayStatusCommand::new)
        .subcommand("top", GatewayTopCommand::new)
        .subcommand("history", GatewayHistoryCommand::new)
        .subcommand("install", GatewayInstallCommand::new)
        .subcommand("uninstall", GatewayUninstallCommand::new);
  }

  @Override
  public int run(Invocation invocation) {
    invocation.printUsage();
    return 0;
  }
}

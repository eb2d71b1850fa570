package dev.hermes.cli;

/** {@code hermes gateway}: groups the gateway subcommands; alone it prints their help. */
public final class GatewayCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("gateway")
        .describe("Run, start, stop, restart and inspect profile gateways.")
        .subcommand("run", GatewayRunCommand::new)
        .subcommand("start", GatewayStartCommand::new)
        .subcommand("stop", GatewayStopCommand::new)
        .subcommand("restart", GatewayRestartCommand::new)
        .subcommand("status", GatewayStatusCommand::new)
        .subcommand("top", GatewayTopCommand::new)
        .subcommand("install", GatewayInstallCommand::new)
        .subcommand("uninstall", GatewayUninstallCommand::new);
  }

  @Override
  public int run(Invocation invocation) {
    invocation.printUsage();
    return 0;
  }
}

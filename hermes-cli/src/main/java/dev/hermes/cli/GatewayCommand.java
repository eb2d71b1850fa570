package dev.hermes.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hermes gateway}: groups the gateway subcommands; alone it prints their help. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = "Run, start, stop, restart and inspect profile gateways.",
    subcommands = {
      GatewayRunCommand.class,
      GatewayStartCommand.class,
      GatewayStopCommand.class,
      GatewayRestartCommand.class,
      GatewayStatusCommand.class,
      GatewayTopCommand.class,
      GatewayInstallCommand.class,
      GatewayUninstallCommand.class
    })
public final class GatewayCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package dev.hermes.cli;

/** {@code hermes [-p P] gateway uninstall}: removes what {@code gateway install} installed. */
public final class GatewayUninstallCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("uninstall")
        .describe(
            "Stop and remove the profile's gateway unit, agent or task from the host's service manager.",
            "Under s6 there is nothing to uninstall: profile delete unregisters the gateway.");
  }

  @Override
  public int run(Invocation in) {
    GatewayInstallation.apply(in, false);
    return 0;
  }
}

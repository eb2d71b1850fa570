package dev.hermes.cli;

/** {@code hermes [-p P] gateway install}: the per-profile unit, agent or task of a host backend. */
public final class GatewayInstallCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("install")
        .describe(
            "Install the profile's gateway with the host's service manager (systemd user unit, launchd agent, Windows scheduled task).",
            "Under s6 there is nothing to install: profile create registers the gateway.");
  }

  @Override
  public int run(Invocation in) {
    GatewayInstallation.apply(in, true);
    return 0;
  }
}

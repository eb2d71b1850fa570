package dev.hermes.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hermes [-p P] gateway install}: the per-profile unit, agent or task of a host backend. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Install the profile's gateway with the host's service manager (systemd user unit,"
          + " launchd agent, Windows scheduled task).",
      "Under s6 there is nothing to install: profile create registers the gateway."
    })
public final class GatewayInstallCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    GatewayInstallation.apply(spec, true);
  }
}

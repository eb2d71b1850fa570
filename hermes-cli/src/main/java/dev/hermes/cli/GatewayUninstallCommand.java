package dev.hermes.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hermes [-p P] gateway uninstall}: removes what {@code gateway install} installed. */
@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    description = {
      "Stop and remove the profile's gateway unit, agent or task from the host's service manager.",
      "Under s6 there is nothing to uninstall: profile delete unregisters the gateway."
    })
public final class GatewayUninstallCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    GatewayInstallation.apply(spec, false);
  }
}

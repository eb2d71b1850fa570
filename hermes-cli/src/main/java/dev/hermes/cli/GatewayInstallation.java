package dev.hermes.cli;

import dev.hermes.supervision.ServiceManager;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** What install and uninstall share: s6 needs neither, host backends do the work. */
final class GatewayInstallation {
  private GatewayInstallation() {}

  static void apply(CommandSpec spec, boolean install) {
    HermesCommand root = HermesCommand.root(spec);
    CliContext context = root.context();
    String profile = root.profile();
    ServiceManager manager = context.serviceManager();
    PrintWriter out = spec.commandLine().getOut();
    if (manager.supportsRuntimeRegistration()) {
      out.println(
          "Nothing to "
              + (install ? "install" : "uninstall")
              + " under "
              + manager.describe()
              + ": 'hermes profile create' registers each gateway and 'hermes profile delete'"
              + " unregisters it.");
      return;
    }
    context.profile(profile);
    if (install) {
      manager.install(profile);
      out.println("✓ Installed gateway-" + profile + " with " + manager.describe());
    } else {
      manager.uninstall(profile);
      out.println("✓ Uninstalled gateway-" + profile + " from " + manager.describe());
    }
  }
}

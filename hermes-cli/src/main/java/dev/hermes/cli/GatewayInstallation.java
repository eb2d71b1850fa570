package dev.hermes.cli;

import dev.hermes.supervision.ServiceManager;
import java.io.PrintWriter;

/** What install and uninstall share: s6 needs neither, host backends do the work. */
final class GatewayInstallation {
  private GatewayInstallation() {}

  static void apply(Invocation in, boolean install) {
    CliContext context = in.context();
    String profile = in.profile();
    ServiceManager manager = context.serviceManager();
    PrintWriter out = in.out();
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

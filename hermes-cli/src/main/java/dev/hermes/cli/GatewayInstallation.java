package dev.hermes.cli;

import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditAction;
import dev.hermes.supervision.ServiceManager;
import java.io.PrintWriter;

/**
 * What install and uninstall share: s6 needs neither, host backends do the work. Installing a unit
 * is what registers a gateway there, so each is a {@code register} or {@code unregister} line of
 * the audit trail.
 */
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
    AuditAction action = install ? AuditAction.REGISTER : AuditAction.UNREGISTER;
    String reason = "hermes gateway " + (install ? "install" : "uninstall");
    context
        .audit()
        .recorded(
            profile,
            action,
            Actor.CLI,
            reason,
            () -> {
              if (install) {
                manager.install(profile);
              } else {
                manager.uninstall(profile);
              }
            });
    if (install) {
      out.println("✓ Installed gateway-" + profile + " with " + manager.describe());
    } else {
      out.println("✓ Uninstalled gateway-" + profile + " from " + manager.describe());
    }
  }
}

package dev.hermes.cli.doctor;

import dev.hermes.core.Profile;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.s6.S6ServiceManager;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The supervision section: which service manager is in charge (a failure when none can be
 * determined: nothing could then be started or stopped), the image's own slots when in the
 * container (and there the gateway scanner), and each profile's gateway.
 */
final class SupervisionChecks {
  private SupervisionChecks() {}

  static void run(
      Supplier<ServiceManager> managers,
      Path systemRoot,
      List<Profile> profiles,
      DoctorReport report) {
    ServiceManager manager;
    String description;
    try {
      manager = managers.get();
      description = manager.describe();
    } catch (RuntimeException e) {
      report.add(
          Check.fail(
                  Check.SUPERVISION, "manager", "Manager: cannot be determined: " + e.getMessage())
              .unhealthy());
      return;
    }
    report.add(Check.ok(Check.SUPERVISION, "manager", "Manager: " + description));
    if (ContainerSlots.apply(manager)) {
      ContainerSlots.run(systemRoot, manager, report);
    } else if (manager instanceof S6ServiceManager local) {
      LocalDashboardSlot.run(local.scandir(), report);
    }
    GatewayChecks.run(manager, profiles, report);
  }
}

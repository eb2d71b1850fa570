package dev.hermes.cli.doctor;

import dev.hermes.core.Profile;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The supervision section: which service manager is in charge (a failure when none can be
 * determined: nothing could then be started or stopped), the version of s6, the image's own slots
 * when in the container (and there the gateway scanner) or hermes up's dashboard, and each
 * profile's gateway.
 */
final class SupervisionChecks {
  private SupervisionChecks() {}

  static void run(
      Supplier<ServiceManager> managers,
      Path systemRoot,
      Map<String, String> env,
      Path logsDir,
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
    if (manager.kind() == ServiceManagerKind.NONE) {
      // Nothing restarts a gateway here: the description says what would (hermes up, or the
      // foreground), so the operator reads the advice where they look first.
      report.add(Check.warn(Check.SUPERVISION, "manager", "Manager: " + description));
    } else {
      report.add(Check.ok(Check.SUPERVISION, "manager", "Manager: " + description));
    }
    try {
      S6Checks.run(manager, env, systemRoot, report);
    } catch (RuntimeException e) {
      report.add(
          Check.warn(Check.SUPERVISION, "s6", "s6: could not be checked: " + e.getMessage()));
    }
    if (ContainerSlots.apply(manager)) {
      ContainerSlots.run(systemRoot, manager, env, report);
    } else {
      manager
          .serviceDirectories()
          .ifPresent(local -> LocalDashboardSlot.run(local, logsDir, report));
    }
    GatewayChecks.run(manager, profiles, report);
  }
}

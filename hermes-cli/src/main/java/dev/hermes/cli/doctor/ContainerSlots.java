package dev.hermes.cli.doctor;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The image's static s6-overlay services in the root scandir: {@code main-hermes} (the no-op slot
 * beside the container's command) and {@code dashboard}. They exist only inside the image, so the
 * check runs only when s6 is the container's supervisor; a missing one means a broken image, which
 * leaves the gateways running, hence a warning. The gateway scanner is checked here too.
 */
final class ContainerSlots {
  static final String ROOT_SCANDIR = "run/service";

  private ContainerSlots() {}

  /** True under s6 as the container's own supervisor (not a {@code hermes up} on a host). */
  static boolean apply(ServiceManager manager) {
    return manager.kind() == ServiceManagerKind.S6
        && manager.describe().toLowerCase(Locale.ROOT).contains("container");
  }

  /**
   * Checks both slots under {@code systemRoot}, which is {@code /} outside tests, and the gateway
   * scanner ({@code hermes-gateways}, the s6-svscan on the gateway scandir): without it no gateway
   * is supervised, a failure that also makes the container unhealthy.
   */
  static void run(Path systemRoot, ServiceManager manager, DoctorReport report) {
    Path scandir = systemRoot.resolve(ROOT_SCANDIR);
    check(scandir.resolve("main-hermes"), "main-slot", "Main slot", report);
    check(scandir.resolve("dashboard"), "dashboard-slot", "Dashboard slot", report);
    report.add(
        manager.supervisorRunning()
            ? Check.ok(Check.SUPERVISION, "scanner", "Gateway scanner: running")
            : Check.fail(
                    Check.SUPERVISION,
                    "scanner",
                    "Gateway scanner: not running (no gateway is supervised)")
                .unhealthy());
  }

  private static void check(Path slot, String name, String label, DoctorReport report) {
    report.add(
        Files.isDirectory(slot)
            ? Check.ok(Check.SUPERVISION, name, label + ": " + slot + " present")
            : Check.warn(Check.SUPERVISION, name, label + ": " + slot + " missing"));
  }
}

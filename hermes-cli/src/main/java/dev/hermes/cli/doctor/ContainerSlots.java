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
 * leaves the gateways running, hence a warning.
 */
final class ContainerSlots {
  static final String ROOT_SCANDIR = "run/service";

  private ContainerSlots() {}

  /** True under s6 as the container's own supervisor (not a {@code hermes up} on a host). */
  static boolean apply(ServiceManager manager) {
    return manager.kind() == ServiceManagerKind.S6
        && manager.describe().toLowerCase(Locale.ROOT).contains("container");
  }

  /** Checks both slots under {@code systemRoot}, which is {@code /} outside tests. */
  static void run(Path systemRoot, DoctorReport report) {
    Path scandir = systemRoot.resolve(ROOT_SCANDIR);
    check(scandir.resolve("main-hermes"), "main-slot", "Main slot", report);
    check(scandir.resolve("dashboard"), "dashboard-slot", "Dashboard slot", report);
  }

  private static void check(Path slot, String name, String label, DoctorReport report) {
    report.add(
        Files.isDirectory(slot)
            ? Check.ok(Check.SUPERVISION, name, label + ": " + slot + " present")
            : Check.warn(Check.SUPERVISION, name, label + ": " + slot + " missing"));
  }
}

package dev.hermes.cli.doctor;

import dev.hermes.cli.DashboardStartCommand;
import dev.hermes.supervision.s6.DashboardSlot;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Under {@code hermes up} the dashboard is a slot beside the gateways in the local scandir. It is
 * always written (with a {@code down} file when {@code HERMES_DASHBOARD} turns it off), so a
 * missing one means the scandir was tampered with or written by an older hermes up: a warning. A
 * dashboard s6 holds down because it refused its configuration (its port taken…) is a failure.
 */
final class LocalDashboardSlot {
  private LocalDashboardSlot() {}

  static void run(Path scandir, DoctorReport report) {
    Path slot = scandir.resolve(DashboardSlot.NAME);
    if (!Files.isDirectory(slot, LinkOption.NOFOLLOW_LINKS)) {
      report.add(
          Check.warn(
              Check.SUPERVISION,
              "dashboard-slot",
              "Dashboard slot: " + slot + " missing (restart hermes up to write it)"));
      return;
    }
    Optional<String> held = DashboardSlot.holdReason(scandir);
    // A held dashboard is this host's own problem: a failure, though not against health (the
    // gateways, which health is about, are fine).
    if (held.isPresent()) {
      report.add(
          Check.fail(
              Check.SUPERVISION,
              "dashboard-slot",
              "Dashboard: " + DashboardStartCommand.holdNotice(held.get())));
      return;
    }
    boolean disabled = Files.exists(slot.resolve("down"), LinkOption.NOFOLLOW_LINKS);
    report.add(
        Check.ok(
            Check.SUPERVISION,
            "dashboard-slot",
            "Dashboard slot: "
                + slot
                + " present"
                + (disabled ? " (disabled by HERMES_DASHBOARD)" : "")));
  }
}

package dev.hermes.cli.doctor;

import dev.hermes.cli.DashboardStartCommand;
import dev.hermes.supervision.ServiceDirectories;
import dev.hermes.supervision.ServiceObservation;
import dev.hermes.supervision.local.LocalDashboard;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Under {@code hermes up} the dashboard is a slot beside the gateways in the local scandir. It is
 * always written (with a {@code down} file when {@code HERMES_DASHBOARD} turns it off), so a
 * missing one means the scandir was tampered with or written by an older hermes up: a warning. A
 * dashboard s6 holds down because it refused its configuration (its port taken…), or one that is
 * down and that s6 will not restart, is a failure: hermes up promised a dashboard and there is
 * none. One that is starting, or being restarted after an exit, is a warning.
 */
final class LocalDashboardSlot {
  private LocalDashboardSlot() {}

  static void run(ServiceDirectories manager, Path logsDir, DoctorReport report) {
    Path slot = LocalDashboard.slotIn(manager.scandir());
    if (!Files.isDirectory(slot, LinkOption.NOFOLLOW_LINKS)) {
      report.add(
          Check.warn(
              Check.SUPERVISION,
              "dashboard-slot",
              "Dashboard slot: " + slot + " missing (restart hermes up to write it)"));
      return;
    }
    Optional<String> held = manager.dashboardHoldReason();
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
    String prefix = "Dashboard slot: " + slot + " ";
    if (Files.exists(slot.resolve("down"), LinkOption.NOFOLLOW_LINKS)) {
      report.add(
          Check.ok(
              Check.SUPERVISION,
              "dashboard-slot",
              prefix + "present (disabled by HERMES_DASHBOARD)"));
      return;
    }
    ServiceObservation seen = manager.observe(slot);
    Path log = logsDir.resolve("dashboard").resolve("current");
    report.add(
        switch (seen.state()) {
          case READY -> Check.ok(Check.SUPERVISION, "dashboard-slot", prefix + "up and ready");
          case STARTING ->
              Check.warn(
                  Check.SUPERVISION, "dashboard-slot", prefix + "up, not ready yet (starting)");
          case RESTARTING ->
              Check.warn(
                  Check.SUPERVISION,
                  "dashboard-slot",
                  prefix
                      + "down, s6 is restarting it (last: "
                      + seen.lastExit()
                      + "; see "
                      + log
                      + ")");
          case STOPPED ->
              Check.fail(
                  Check.SUPERVISION,
                  "dashboard-slot",
                  prefix + "down and not restarted by s6 (hermes dashboard start)");
          case UNSUPERVISED ->
              Check.warn(
                  Check.SUPERVISION,
                  "dashboard-slot",
                  prefix + "not supervised (s6-svscan has not picked it up yet)");
          case UNREADABLE ->
              Check.warn(
                  Check.SUPERVISION,
                  "dashboard-slot",
                  prefix + "status unavailable: " + seen.error());
        });
  }
}

package dev.hermes.cli.doctor;

import dev.hermes.core.HermesHome;
import dev.hermes.core.OwnFiles;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The install-wide prerequisites: a HERMES_HOME directory hermes can write, and a log directory it
 * can write or create, on a file system with room left. Without either directory no profile works,
 * so both are failures, not warnings; so is a log file system that is all but full.
 */
final class HomeChecks {
  /**
   * Below this much usable space under {@code logs/}, a warning. Every log directory (each
   * gateway's and the dashboard's) is rotated by s6-log at 10 files of 1 MB, so this is room for
   * only a few of them to fill their rotation.
   */
  static final long WARN_FREE_BYTES = 64L * 1024 * 1024;

  /**
   * Below this share of the log file system free, a warning too: a file system 95% full is filling
   * up, whatever its size.
   */
  static final int WARN_FREE_PERCENT = 5;

  /**
   * Below this much usable space, a failure: less than one log directory's rotation (10 × 1 MB). On
   * a full disk s6-log blocks, the gateways' output pipes fill, and their log lines are dropped.
   */
  static final long FAIL_FREE_BYTES = 8L * 1024 * 1024;

  private HomeChecks() {}

  /** Adds the checks; true when HERMES_HOME is a directory whose profiles can be examined. */
  static boolean run(HermesHome home, DoctorReport report) {
    boolean directory = checkHome(home.root(), report);
    checkLogs(home.logsDir(), report);
    checkLogSpace(home.logsDir(), report);
    return directory;
  }

  /**
   * The usable space of the file system {@code logs} is on (or will be created on: that of its
   * nearest existing parent); nothing when no parent exists (the log check already failed).
   */
  private static void checkLogSpace(Path logs, DoctorReport report) {
    Path existing = logs;
    while (existing != null && !Files.isDirectory(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    try {
      FileStore store = Files.getFileStore(existing);
      report.add(space(logs, store.getUsableSpace(), store.getTotalSpace()));
    } catch (IOException | SecurityException e) {
      report.add(
          Check.warn(
              Check.HOME,
              "logs-space",
              "Log space: cannot be read for " + logs + ": " + e.getMessage()));
    }
  }

  /** The verdict on {@code usable} of {@code total} bytes free for {@code logs}. */
  static Check space(Path logs, long usable, long total) {
    long percent = total <= 0 ? 100 : Math.min(100, usable * 100 / total);
    String message =
        "Log space: "
            + OwnFiles.describeSize(usable)
            + " free of "
            + OwnFiles.describeSize(total)
            + " ("
            + percent
            + "%) for "
            + logs;
    if (usable < FAIL_FREE_BYTES) {
      return Check.fail(
          Check.HOME,
          "logs-space",
          message
              + ": below "
              + OwnFiles.describeSize(FAIL_FREE_BYTES)
              + " (s6-log blocks when the disk is full and gateway log lines are dropped)");
    }
    if (usable < WARN_FREE_BYTES || percent < WARN_FREE_PERCENT) {
      return Check.warn(
          Check.HOME,
          "logs-space",
          message
              + ": below "
              + (usable < WARN_FREE_BYTES
                  ? OwnFiles.describeSize(WARN_FREE_BYTES)
                  : WARN_FREE_PERCENT + "%"));
    }
    return Check.ok(Check.HOME, "logs-space", message);
  }

  private static boolean checkHome(Path root, DoctorReport report) {
    String prefix = "HERMES_HOME: " + root;
    if (!Files.exists(root)) {
      report.add(Check.fail(Check.HOME, "home", prefix + " does not exist"));
      return false;
    }
    if (!Files.isDirectory(root)) {
      report.add(Check.fail(Check.HOME, "home", prefix + " is not a directory"));
      return false;
    }
    if (!Files.isWritable(root)) {
      report.add(Check.fail(Check.HOME, "home", prefix + " is not writable"));
    } else {
      report.add(Check.ok(Check.HOME, "home", prefix + " is writable"));
    }
    return true;
  }

  private static void checkLogs(Path logs, DoctorReport report) {
    String prefix = "Logs: " + logs;
    if (Files.isDirectory(logs)) {
      report.add(
          Files.isWritable(logs)
              ? Check.ok(Check.HOME, "logs", prefix + " is writable")
              : Check.fail(Check.HOME, "logs", prefix + " is not writable"));
      return;
    }
    if (Files.exists(logs)) {
      report.add(Check.fail(Check.HOME, "logs", prefix + " is not a directory"));
      return;
    }
    // Gateways create it on first use; what matters is that they can.
    Path existing = logs.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    String problem;
    if (existing == null) {
      problem = "none of its parent directories exists";
    } else if (!Files.isDirectory(existing) || !Files.isWritable(existing)) {
      problem = existing + " is not a writable directory";
    } else {
      report.add(Check.ok(Check.HOME, "logs", prefix + " does not exist yet and can be created"));
      return;
    }
    report.add(Check.fail(Check.HOME, "logs", prefix + " cannot be created: " + problem));
  }
}

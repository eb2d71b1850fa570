package dev.hermes.cli.doctor;

import dev.hermes.core.HermesHome;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The install-wide prerequisites: a HERMES_HOME directory hermes can write, and a log directory it
 * can write or create. Without either no profile works, so both are failures, not warnings.
 */
final class HomeChecks {
  private HomeChecks() {}

  /** Adds both checks; true when HERMES_HOME is a directory whose profiles can be examined. */
  static boolean run(HermesHome home, DoctorReport report) {
    boolean directory = checkHome(home.root(), report);
    checkLogs(home.logsDir(), report);
    return directory;
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

package dev.hermes.cli.doctor;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.local.S6Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The version of the s6 that supervises the gateways, or that {@code hermes up} would use when
 * another manager is in charge and s6 is installed, against the versions hermes is tested with
 * ({@link S6Programs}): older than the oldest is a failure, newer than the newest a warning. When
 * the version cannot be read, s6-svscan's option dialect at least tells 2.11 from 2.12 and later: a
 * warning either way.
 */
final class S6Checks {
  private S6Checks() {}

  static void run(
      ServiceManager manager, Map<String, String> env, Path systemRoot, DoctorReport report) {
    S6Programs tools = S6Programs.of(manager, env);
    String label = manager.kind() == ServiceManagerKind.S6 ? "s6" : "s6 (for hermes up)";
    Path program = tools.scanner();
    if (!Files.isExecutable(program)) {
      // Under s6 a missing s6-svscan is a broken install; elsewhere s6 is simply not installed.
      if (manager.serviceDirectories().isPresent()) {
        report.add(warn(label + ": " + program + " missing"));
      }
      return;
    }
    String range = S6Programs.OLDEST_SUPPORTED + " to " + S6Programs.NEWEST_TESTED;
    Optional<S6Programs.Release> found = tools.release(systemRoot);
    if (found.isEmpty()) {
      boolean capitalC = tools.scannerTakesCapitalC();
      report.add(
          warn(
              label
                  + ": version unknown for "
                  + program
                  + " ("
                  + (capitalC ? "it takes -C: 2.12 or later" : "it has no -C: 2.11 or older")
                  + "; hermes supports "
                  + range
                  + ")"));
      return;
    }
    S6Programs.Release version = found.get();
    String at = label + ": " + version.version() + " in " + tools.binDir();
    report.add(
        switch (version.support()) {
          case SUPPORTED -> Check.ok(Check.SUPERVISION, "s6", at + " (supported: " + range + ")");
          case TOO_OLD ->
              Check.fail(
                  Check.SUPERVISION,
                  "s6",
                  at
                      + " is older than "
                      + S6Programs.OLDEST_SUPPORTED
                      + ", the oldest hermes supports ("
                      + range
                      + ")");
          case UNTESTED ->
              warn(
                  at
                      + " is newer than "
                      + S6Programs.NEWEST_TESTED
                      + ", the newest hermes is tested with ("
                      + range
                      + ")");
        });
  }

  private static Check warn(String message) {
    return Check.warn(Check.SUPERVISION, "s6", message);
  }
}

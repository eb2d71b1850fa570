package dev.hermes.cli.doctor;

import dev.hermes.core.AtomicFiles;
import dev.hermes.core.EnvFile;
import dev.hermes.core.OwnFiles;
import dev.hermes.core.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every profile's {@code .env} holds its secrets, so it must exist, be a file of its own (not a
 * symbolic link, which hermes refuses to follow) within its size cap, and be readable by its owner
 * only (0600). With {@code --fix} a missing one is created as 0600 and an open one is tightened to
 * 0600; what was fixed is reported as ok, what could not be fixed stays a warning. A link or an
 * oversized file is never fixed: changing it could change a file elsewhere or lose secrets.
 */
final class EnvFileChecks {
  private EnvFileChecks() {}

  static void run(List<Profile> profiles, boolean fix, DoctorReport report) {
    int findings = 0;
    for (Profile profile : profiles) {
      Optional<Finding> finding = examine(profile.envFile());
      if (finding.isEmpty()) {
        continue;
      }
      findings++;
      String name = profile.name();
      String problem = name + ": .env " + finding.get().problem();
      if (finding.get().fixed() == null) {
        report.add(warn(name, problem));
        continue;
      }
      if (!fix) {
        report.add(warn(name, problem + " (run 'hermes doctor --fix')"));
        continue;
      }
      try {
        EnvFile.ensurePrivate(profile.envFile());
        report.add(
            Check.ok(Check.PROFILES, "env:" + name, name + ": .env " + finding.get().fixed()));
      } catch (RuntimeException e) {
        report.add(warn(name, problem + "; could not fix: " + e.getMessage()));
      }
    }
    if (findings == 0) {
      report.add(
          Check.ok(
              Check.PROFILES,
              "env",
              ".env: private (0600) in all " + profiles.size() + " profile(s)"));
    }
  }

  /**
   * What is wrong with a {@code .env}, and what {@code --fix} did about it (null: it does not touch
   * it); each follows ".env ".
   */
  record Finding(String problem, String fixed) {}

  /** Empty when the file exists and only its owner can read or write it. */
  static Optional<Finding> examine(Path envFile) {
    // Nothing here follows a link: a linked .env pointing at a 0600 file is not "private".
    if (Files.isSymbolicLink(envFile)) {
      return Optional.of(
          new Finding(
              "is a symbolic link; hermes does not follow links in HERMES_HOME: replace it with"
                  + " the file itself",
              null));
    }
    if (!Files.exists(envFile, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(new Finding("is missing", "was missing: created with mode 0600"));
    }
    try {
      long size = Files.size(envFile);
      if (size > OwnFiles.ENV_LIMIT) {
        return Optional.of(
            new Finding(
                "is "
                    + OwnFiles.describeSize(size)
                    + "; the limit is "
                    + OwnFiles.describeSize(OwnFiles.ENV_LIMIT),
                null));
      }
      Set<PosixFilePermission> mode =
          Files.getPosixFilePermissions(envFile, LinkOption.NOFOLLOW_LINKS);
      if (AtomicFiles.OWNER_ONLY.containsAll(mode)) {
        return Optional.empty();
      }
      String octal = octal(mode);
      return Optional.of(
          new Finding(
              "has mode " + octal + ", expected 0600", "had mode " + octal + ": set to 0600"));
    } catch (UnsupportedOperationException e) {
      // No POSIX modes on this file system: the directory's ACLs protect it instead.
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(
          new Finding("cannot be examined: " + e.getMessage(), "was unreadable: set to 0600"));
    }
  }

  /** {@code 0644} for rw-r--r--. */
  static String octal(Set<PosixFilePermission> mode) {
    int bits = 0;
    for (PosixFilePermission permission : mode) {
      // The enum runs OWNER_READ .. OTHERS_EXECUTE, i.e. from bit 8 down to bit 0.
      bits |= 1 << (8 - permission.ordinal());
    }
    return String.format("%04o", bits);
  }

  private static Check warn(String profile, String message) {
    return Check.warn(Check.PROFILES, "env:" + profile, message);
  }
}

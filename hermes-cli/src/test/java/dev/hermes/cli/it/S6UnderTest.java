package dev.hermes.cli.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The s6 these tests drive: the one {@code HERMES_S6_BIN_DIR} names (the integration tier runs once
 * on Debian's s6 2.11 and once on s6 2.15 built from the vendored sources), else Debian's in {@code
 * /usr/bin}. hermes finds it the same way, so {@link HermesCli} passes the variable on.
 */
final class S6UnderTest {
  static final Path BIN = binDir();
  static final String MISSING =
      "no s6 in " + BIN + " (apt-get install s6 execline, or set HERMES_S6_BIN_DIR)";

  private S6UnderTest() {}

  static boolean installed() {
    return Files.isExecutable(BIN.resolve("s6-svscan"));
  }

  static String tool(String name) {
    return BIN.resolve(name).toString();
  }

  /** The variable for hermes' environment, or null when Debian's s6 on PATH is meant. */
  static String configured() {
    String value = System.getenv("HERMES_S6_BIN_DIR");
    return value == null || value.isBlank() ? null : value;
  }

  private static Path binDir() {
    String value = configured();
    return value == null ? Path.of("/usr/bin") : Path.of(value);
  }
}

package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hermes.testing.Required;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hermes doctor} against the real world: the version of the s6 under test as its install
 * records it, and a log file system that is all but full (a small tmpfs mounted as {@code
 * $HERMES_HOME/logs}; needs root, skipped otherwise, as is a root that may not mount).
 */
class DoctorIT {
  @TempDir Path home;
  @TempDir Path scratch;
  private Path mounted;

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null && HostCommands.run("umount", mounted) != null) {
      assertThat(HostCommands.run("umount", "-l", mounted)).isNull();
    }
  }

  @Test
  void theVersionOfTheS6UnderTestIsReadFromItsInstallAndSupported() throws Exception {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);

    HermesCli.Result doctor = new HermesCli(home, scratch).run("doctor");

    Matcher line =
        Pattern.compile(
                "  ✓ s6(?: \\(for hermes up\\))?: (\\S+) in "
                    + Pattern.quote(S6UnderTest.BIN.toString())
                    + " \\(supported: 2\\.11 to 2\\.15\\)\n")
            .matcher(doctor.out());
    assertThat(line.find()).as(doctor.out()).isTrue();
    String version = line.group(1);
    if (S6UnderTest.configured() != null) {
      // The tier's second s6, built from the vendored sources.
      assertThat(version).startsWith("2.15.");
    } else {
      assertThat(version).isEqualTo(debianVersion());
    }
  }

  @Test
  void aLogFileSystemAllButFullFailsAndOneUnderSixtyFourMegabytesWarns() throws Exception {
    assumeTrue(HostCommands.isRoot(), "running as root, so a tmpfs can be mounted");
    Path logs = Files.createDirectories(home.resolve("logs"));
    String failure =
        HostCommands.run("mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", logs);
    assumeTrue(failure == null, () -> "cannot mount a tmpfs here: " + failure);
    mounted = logs;
    HermesCli cli = new HermesCli(home, scratch);

    HermesCli.Result full = cli.run("doctor");
    assertThat(full.code()).as(full.out()).isEqualTo(2);
    assertThat(full.out())
        .containsPattern(
            "  ✗ Log space: [0-9.]+ MB free of 4 MB \\(\\d+%\\) for "
                + Pattern.quote(logs.toString())
                + ": below 8 MB \\(s6-log blocks when the disk is full and gateway log lines"
                + " are dropped\\)\n");

    assertThat(HostCommands.run("mount", "-o", "remount,size=40m", logs)).isNull();
    HermesCli.Result low = cli.run("doctor", "--json");
    assertThat(low.out())
        .containsPattern(
            "\"name\" : \"logs-space\",\\s+\"status\" : \"warn\",\\s+\"message\" : \"Log space:"
                + " [0-9.]+ MB free of 40 MB \\(\\d+%\\) for "
                + Pattern.quote(logs.toString())
                + ": below 64 MB\"");
  }

  /** The upstream part of the installed Debian package's version: 2.11.3.2 of 2.11.3.2-1. */
  private static String debianVersion() throws Exception {
    Process p =
        new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "s6")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.replaceFirst("^\\d+:", "").replaceFirst("-[^-]*$", "");
  }
}

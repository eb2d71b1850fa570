package dev.hermes.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DoctorReportTest {
  @Test
  void theExitCodeIsTwoOnAnyFailureAndOneOnWarningsOnlyWhenStrict() {
    DoctorReport report = new DoctorReport();
    report.add(Check.ok(Check.HOME, "home", "fine"));
    assertThat(report.exitCode(false)).isZero();
    assertThat(report.exitCode(true)).isZero();

    report.add(Check.warn(Check.PROFILES, "env:a", "open"));
    assertThat(report.exitCode(false)).isZero();
    assertThat(report.exitCode(true)).isEqualTo(1);

    report.add(Check.fail(Check.HOME, "logs", "broken"));
    assertThat(report.exitCode(false)).isEqualTo(2);
    assertThat(report.exitCode(true)).isEqualTo(2);
  }

  @Test
  void eachSectionHeadingIsPrintedOnceAboveItsChecks() {
    DoctorReport report = new DoctorReport();
    report.add(Check.ok(Check.HOME, "home", "HERMES_HOME: /h is writable"));
    report.add(Check.fail(Check.HOME, "logs", "Logs: /h/logs is not writable"));
    report.add(Check.warn(Check.SUPERVISION, "gateway:a", "a: crash loop"));
    StringWriter text = new StringWriter();

    report.print(new PrintWriter(text, true));

    assertThat(text.toString().lines())
        .containsExactly(
            "Home",
            "  ✓ HERMES_HOME: /h is writable",
            "  ✗ Logs: /h/logs is not writable",
            "Supervision",
            "  ⚠ a: crash loop",
            "Summary: 1 ok, 1 warn, 1 fail");
  }

  @Test
  void theJsonDocumentHasChecksSummaryAndExitCode() {
    DoctorReport report = new DoctorReport();
    report.add(Check.warn(Check.PROFILES, "env:a", "a: .env is missing"));

    Map<String, Object> json = report.toJson(true);

    assertThat(json).containsOnlyKeys("checks", "summary", "exit_code");
    assertThat(json.get("checks"))
        .isEqualTo(
            List.of(
                Map.of(
                    "section", "Profiles",
                    "name", "env:a",
                    "status", "warn",
                    "message", "a: .env is missing")));
    assertThat(json.get("summary")).isEqualTo(Map.of("ok", 0, "warn", 1, "fail", 0));
    assertThat(json.get("exit_code")).isEqualTo(1);
  }

  @Test
  void namesAreListedTheWayASentenceWould() {
    assertThat(ConfigChecks.quotedList(List.of("a", "b"))).isEqualTo("'a' and 'b'");
    assertThat(ConfigChecks.quotedList(List.of("a", "b", "c"))).isEqualTo("'a', 'b' and 'c'");
  }

  @Test
  void modesArePrintedInOctal() {
    assertThat(EnvFileChecks.octal(PosixFilePermissions.fromString("rw-r--r--"))).isEqualTo("0644");
    assertThat(EnvFileChecks.octal(PosixFilePermissions.fromString("rw-------"))).isEqualTo("0600");
    assertThat(EnvFileChecks.octal(PosixFilePermissions.fromString("rwxrwxrwx"))).isEqualTo("0777");
  }
}

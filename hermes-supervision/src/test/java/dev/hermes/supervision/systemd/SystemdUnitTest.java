package dev.hermes.supervision.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.HermesHome;
import dev.hermes.supervision.RecordingRunner;
import dev.hermes.supervision.SupervisionException;
import dev.hermes.testing.Required;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdUnitTest {
  @TempDir Path tmp;

  @Test
  void theUnitRestartsOnFailureButNeverAfterFatalConfiguration() {
    String unit =
        SystemdUnit.render(
            "work", List.of("/opt/hermes/bin/hermes", "gateway"), Path.of("/home/u/.hermes"));

    assertThat(unit.lines())
        .contains(
            "[Unit]",
            "Description=hermes gateway (profile work)",
            "After=network-online.target",
            "[Service]",
            "Type=simple",
            "ExecStart=/opt/hermes/bin/hermes gateway",
            "Environment=HERMES_HOME=/home/u/.hermes",
            "Environment=HERMES_SUPERVISED_CHILD=1",
            "Restart=on-failure",
            "RestartSec=1",
            "RestartPreventExitStatus=78",
            "KillSignal=SIGTERM",
            "TimeoutStopSec=10",
            "[Install]",
            "WantedBy=default.target");
    assertThat(unit).doesNotContain("notify");
  }

  @Test
  void argumentsWithSpacesOrSpecialsAreQuotedAndEscapedPerSystemdRules() {
    assertThat(SystemdUnit.argumentWord("plain-word_1.2/x:y=z")).isEqualTo("plain-word_1.2/x:y=z");
    assertThat(SystemdUnit.argumentWord("two words")).isEqualTo("\"two words\"");
    assertThat(SystemdUnit.argumentWord("100%")).isEqualTo("\"100%%\"");
    assertThat(SystemdUnit.argumentWord("$HOME")).isEqualTo("\"$$HOME\"");
    assertThat(SystemdUnit.argumentWord("say \"hi\"\\")).isEqualTo("\"say \\\"hi\\\"\\\\\"");
    assertThat(SystemdUnit.argumentWord("it's")).isEqualTo("\"it's\"");
    assertThat(SystemdUnit.argumentWord(";")).isEqualTo("\";\"");
    assertThat(SystemdUnit.argumentWord("")).isEqualTo("\"\"");
    assertThat(SystemdUnit.argumentWord("a\nb")).isEqualTo("\"a\\nb\"");
  }

  @Test
  void aHomeWithSpacesIsQuotedAsAWholeAssignment() {
    String unit =
        SystemdUnit.render("work", List.of("/opt/hermes/bin/hermes"), Path.of("/home/my user/h%"));

    assertThat(unit.lines()).contains("Environment=\"HERMES_HOME=/home/my user/h%%\"");
  }

  @Test
  void theProgramPathMustBeAbsoluteAndFreeOfQuotes() {
    assertThatThrownBy(() -> SystemdUnit.executableWord("hermes"))
        .isInstanceOf(SupervisionException.class)
        .hasMessage("systemd needs an absolute path for the gateway command, got 'hermes'");
    assertThatThrownBy(() -> SystemdUnit.executableWord("/opt/it's/hermes"))
        .isInstanceOf(SupervisionException.class)
        .hasMessageContaining("quotes, backslashes or control characters");
    // systemd does not expand variables in the program path, so $ stays single there.
    assertThat(SystemdUnit.executableWord("/opt/a $b%/hermes")).isEqualTo("\"/opt/a $b%%/hermes\"");
  }

  @Test
  void theInstalledUnitPassesSystemdAnalyzeVerify() throws Exception {
    Required.engine(
        onPath("systemd-analyze"), "systemd-analyze is not installed: cannot verify the unit");
    // A launcher whose path needs quoting and specifier escaping (%n is the unit name to systemd):
    // verify only passes when systemd resolves ExecStart to exactly this executable file.
    Path bin = Files.createDirectories(tmp.resolve("install dir %n"));
    Path launcher = bin.resolve("hermes launcher");
    Files.writeString(launcher, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path unitDir = tmp.resolve("units");
    SystemdServiceManager manager =
        new SystemdServiceManager(
            new RecordingRunner(),
            new HermesHome(tmp.resolve("hermes home $x \"q\"")),
            List.of(launcher.toString(), "--flag=a b"),
            unitDir);
    manager.install("work");
    Path unit = unitDir.resolve("hermes-gateway-work.service");
    Path runtime = Files.createDirectory(tmp.resolve("runtime"));
    Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));

    ProcessBuilder verify =
        new ProcessBuilder("systemd-analyze", "--user", "verify", unit.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("verify.out").toFile());
    verify.environment().put("XDG_RUNTIME_DIR", runtime.toString());
    Process process = verify.start();
    finish(process, 60, "systemd-analyze verify");
    String output = Files.readString(tmp.resolve("verify.out"), StandardCharsets.UTF_8);
    Required.engine(
        !output.contains("Failed to initialize manager")
            && !output.contains("Failed to setup working directory"),
        "systemd-analyze cannot run here: " + output);

    assertThat(output).as("systemd-analyze output").doesNotContain(unit.getFileName() + ":");
    assertThat(process.exitValue()).as("systemd-analyze verify exit: " + output).isZero();
  }

  /** Waits for {@code process} to end; one still running after {@code seconds} fails the test. */
  private static void finish(Process process, long seconds, String what)
      throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(what + " did not finish in " + seconds + " s");
    }
  }

  /** Whether {@code program} is on the PATH and answers {@code --version}; a hang fails. */
  private static boolean onPath(String program) throws InterruptedException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return runs(program);
      }
    }
    return false;
  }

  private static boolean runs(String program) throws InterruptedException {
    Process p;
    try {
      p =
          new ProcessBuilder(program, "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      return false;
    }
    finish(p, 30, program + " --version");
    return p.exitValue() == 0;
  }
}

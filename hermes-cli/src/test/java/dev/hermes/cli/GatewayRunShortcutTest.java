package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayRunShortcutTest {
  @TempDir Path home;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gateway run|default|false",
        "gateway run --replace|default|true",
        "-p work gateway run --replace|work|true",
        "--profile work gateway run|work|false",
        "--profile=work gateway run --replace|work|true",
      })
  void recognisesTheLinesSupervisorsStart(String line, String profile, boolean replace) {
    assertThat(GatewayRunShortcut.match(line.split(" ")))
        .isEqualTo(new GatewayRunShortcut.Invocation(profile, replace));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gateway",
        "gateway run --help",
        "gateway run --replace --replace",
        "gateway run -p work",
        "gateway --replace run",
        "-p",
        "-p gateway run",
        "-p --replace gateway run",
        "--profile= gateway run",
        "-pwork gateway run",
        "profile list",
        "run gateway",
      })
  void leavesEverythingElseToPicocli(String line) {
    assertThat(GatewayRunShortcut.match(line.split(" "))).isNull();
  }

  @Test
  void noArgumentsAreNotAGatewayRun() {
    assertThat(GatewayRunShortcut.match()).isNull();
  }

  @Test
  void aMissingProfileFailsAsPicocliWouldWithOneLine() {
    CliRun shortcut = CliRun.run(home, "-p", "nope", "gateway", "run");
    CliRun picocli = CliRun.run(home, "gateway", "run", "-p", "nope");

    assertThat(shortcut.code()).isEqualTo(1);
    assertThat(shortcut.err())
        .isEqualTo(
            "hermes: error: no such profile 'nope': create it with 'hermes profile create nope'\n");
    assertThat(picocli.code()).isEqualTo(shortcut.code());
    assertThat(picocli.err()).isEqualTo(shortcut.err());
  }

  @Test
  void aBadProfileNameFailsAsPicocliWouldWithOneLine() {
    CliRun shortcut = CliRun.run(home, "--profile=Bad", "gateway", "run", "--replace");
    CliRun picocli = CliRun.run(home, "gateway", "run", "--replace", "--profile=Bad");

    assertThat(shortcut.code()).isEqualTo(1);
    assertThat(shortcut.err())
        .isEqualTo("hermes: error: profile name must match [a-z0-9][a-z0-9_-]*, got 'Bad'\n");
    assertThat(picocli.code()).isEqualTo(shortcut.code());
    assertThat(picocli.err()).isEqualTo(shortcut.err());
  }

  @Test
  void helpStillComesFromPicocli() {
    CliRun help = CliRun.run(home, "gateway", "run", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: hermes gateway run").contains("--replace");
  }
}

package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.testing.Required;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that run until stopped, started the way a script's {@code cmd &} starts them: with
 * SIGINT ignored ({@code sh -c 'trap "" INT; exec hermes ...'}). SIGINT must still stop them
 * cleanly, and each says once that it took the signal back.
 */
@EnabledOnOs(OS.LINUX) // the launcher reads the inherited signal mask from /proc
class IgnoredSignalsIT {
  private static final String NOTICE =
      "hermes: SIGINT was ignored by the parent process; handling it anyway";

  @TempDir Path home;
  @TempDir Path scratch;

  private HermesCli cli;
  private Process process;

  @BeforeEach
  void setUp() throws IOException {
    int base = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 99) + "\"\n");
    cli = new HermesCli(home, scratch).env("HERMES_DASHBOARD", "0");
  }

  @AfterEach
  void tearDown() {
    if (process != null && process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  @Test
  void hermesUpStopsOnSigintItsParentIgnored() throws Exception {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    Path log = startIgnoringSigint("up");
    await("hermes up")
        .atMost(Duration.ofSeconds(120))
        .until(() -> read(log).contains("Press Ctrl-C"));

    assertThat(stopWithSigint()).as(read(log)).isZero();
    assertThat(read(log)).contains("hermes up: every gateway stopped");
    assertThat(occurrences(read(log), NOTICE)).as(read(log)).isEqualTo(1);
  }

  @Test
  void gatewayRunStopsOnSigintItsParentIgnored() throws Exception {
    Files.writeString(home.resolve("config.yaml"), "gateway:\n  port: " + freePort() + "\n");
    Path log = startIgnoringSigint("gateway", "run", "--no-supervise");
    await("the gateway")
        .atMost(Duration.ofSeconds(120))
        .until(() -> read(log).contains("info: ready"));

    assertThat(stopWithSigint()).as(read(log)).isZero();
    assertThat(read(log)).contains("info: received SIGINT: stopping", "info: stopped");
    assertThat(occurrences(read(log), NOTICE)).as(read(log)).isEqualTo(1);
  }

  @Test
  void theDashboardStopsOnSigintItsParentIgnored() throws Exception {
    cli.env("HERMES_DASHBOARD_PORT", Integer.toString(freePort()));
    Path log = startIgnoringSigint("dashboard");
    await("the dashboard")
        .atMost(Duration.ofSeconds(120))
        .until(() -> read(log).contains("info: listening on"));

    assertThat(stopWithSigint()).as(read(log)).isZero();
    assertThat(read(log)).contains("info: stopped");
    assertThat(occurrences(read(log), NOTICE)).as(read(log)).isEqualTo(1);
  }

  @Test
  void otherCommandsKeepTheSignalsTheyInherit() throws Exception {
    Path log = startIgnoringSigint("--version");
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(read(log)).doesNotContain("SIGINT");
  }

  /** {@code sh -c 'trap "" INT; exec bin/hermes ARGS'}: sh execs, so the pid is the JVM's. */
  private Path startIgnoringSigint(String... args) throws IOException {
    ProcessBuilder builder = cli.builder(args);
    List<String> command = new ArrayList<>(List.of("sh", "-c", "trap '' INT; exec \"$@\"", "sh"));
    command.addAll(builder.command());
    Path log = scratch.resolve("output.log");
    process =
        builder
            .command(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return log;
  }

  private int stopWithSigint() throws Exception {
    long pid = process.pid();
    assertThat(pid).isGreaterThan(1);
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stopped on SIGINT").isTrue();
    return process.exitValue();
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static int occurrences(String text, String line) {
    int count = 0;
    for (int i = text.indexOf(line); i >= 0; i = text.indexOf(line, i + 1)) {
      count++;
    }
    return count;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    }
  }
}

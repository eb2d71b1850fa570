package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.testing.Required;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-loop policy end to end: the real gateway (which records when it became ready) under a
 * real {@code hermes up}, killed with SIGKILL the way the OOM killer does. The numbers are small
 * (config.yaml) so each case takes seconds.
 */
class CrashLoopIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final int HEALTHY_SECONDS = 2;

  @TempDir Path home;
  @TempDir Path scratch;

  private HermesCli cli;
  private HermesUp up;
  private Path slot;

  @BeforeEach
  void setUp() {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    cli = new HermesCli(home, scratch).env("HERMES_DASHBOARD", "0");
    slot = home.resolve("run/service/gateway-default");
  }

  @AfterEach
  void tearDown() {
    if (up != null) {
      up.close();
    }
  }

  @Test
  void aGatewayKilledAgainAndAgainAfterHealthyPeriodsIsNeverHeld() throws IOException {
    start(3, HEALTHY_SECONDS, 1, 2);
    for (int kill = 1; kill <= 6; kill++) {
      Run run = awaitReadyFor(HEALTHY_SECONDS + 1);
      kill(run.pid());
      Run next = awaitReadyAfter(run.pid());
      assertThat(next.wantUp()).as("after kill %d", kill).isTrue();
    }
    JsonNode status = cli.gateway("default");
    assertThat(status.get("actual").asText()).isEqualTo("ready");
    assertThat(status.get("restarts").asInt()).isEqualTo(6);
    assertThat(slot.resolve("hermes-failure")).doesNotExist();
  }

  @Test
  void quickKillsAreACrashLoopAndAStartBringsItBack() throws IOException {
    start(3, 60, 1, 2);
    int previous = -1;
    for (int kill = 1; kill <= 3; kill++) {
      Run run = awaitReadyAfter(previous);
      kill(run.pid());
      previous = run.pid();
    }
    // The reason is written just before the finish exits 125, so s6 may still want it up for a
    // moment after status first shows it.
    await().atMost(PATIENCE).until(() -> svstat("wantedup").equals("false"));
    JsonNode held = cli.gateway("default");
    assertThat(held.get("actual").asText()).isEqualTo("crash-loop");
    assertThat(held.get("hold_reason").asText()).isEqualTo("crash-loop");
    assertThat(held.get("reason").asText())
        .matches("crash loop \\(3 exits in \\d+s, last: signal SIGKILL\\)");
    assertThat(held.get("last_exit").asText()).isEqualTo("signal SIGKILL");
    await()
        .atMost(PATIENCE)
        .until(
            () -> Files.readString(home.resolve("gateway_state.json")),
            s -> s.contains("\"gateway_state\" : \"startup_failed\""));

    assertThat(cli.ok("gateway", "start", "--wait"))
        .startsWith("✓ Started gateway-default: ready, PID ");
    assertThat(slot.resolve("hermes-failure")).doesNotExist();
  }

  @Test
  void aStartDuringTheBackoffEndsItAndTheGatewayRuns() throws IOException {
    // Far longer than start --wait waits (60 s).
    killTwiceIntoALongBackoff();
    // Down but still wanted up: the finish is deciding or waiting out the backoff.
    await().atMost(PATIENCE).until(() -> svstat("up,wantedup").equals("false true"));

    HermesCli.Result start = cli.run("gateway", "start", "--wait");

    assertThat(start.code()).as(start.err()).isZero();
    assertThat(start.out()).startsWith("✓ Started gateway-default: ready, PID ");
    await()
        .atMost(PATIENCE)
        .until(() -> log().contains(": restarting now")); // during the backoff, or just before
    assertThat(slot.resolve("hermes-rearm")).doesNotExist();
  }

  @Test
  void hermesUpStopsWithoutWaitingForAGatewaysBackoff() throws IOException {
    // s6 does not tell a waiting finish that the scanner is going away: hermes up ends the wait.
    killTwiceIntoALongBackoff();
    await().atMost(PATIENCE).until(() -> Files.exists(slot.resolve("hermes-backoff")));

    assertThat(up.stop(Duration.ofSeconds(30))).as(up.output()).isZero();
    assertThat(log()).contains("stopped during the backoff: staying down");
  }

  @Test
  void aStartWhileTheHoldIsBeingRecordedEndsWithTheGatewayRunning() throws IOException {
    // The second kill holds; the finish then spends a JVM's start recording it, and the start
    // comes meanwhile (or just after: either way it must win).
    start(2, 60, 0, 0);
    Run first = awaitReadyFor(0);
    kill(first.pid());
    Run second = awaitReadyAfter(first.pid());
    kill(second.pid());

    HermesCli.Result start = cli.run("gateway", "start", "--wait");

    assertThat(start.code()).as(start.err()).isZero();
    assertThat(start.out()).startsWith("✓ Started gateway-default: ready, PID ");
    Run after = awaitReadyAfter(second.pid());
    assertThat(after.wantUp()).isTrue();
    assertThat(cli.gateway("default").get("actual").asText()).isEqualTo("ready");
  }

  @Test
  void aGatewayThatKeepsExitingShowsItsBackoffAndThenTheHold() throws IOException {
    // The second exit waits 4-6 s before the restart: long enough to be seen; the third holds.
    start(3, 60, 5, 10);
    cli.ok("profile", "create", "crashy");
    // A directory where the gateway's lock file should be: every start fails with exit 1.
    Files.createDirectory(home.resolve("profiles/crashy/gateway.lock"));

    HermesCli.Result start = cli.run("-p", "crashy", "gateway", "start");

    assertThat(start.code()).as(start.out()).isEqualTo(1);
    assertThat(start.out()).isEmpty();
    // "(exit 1)" when the watch saw it down; s6 may already have started the next run.
    assertThat(start.err())
        .matches(
            "hermes: error: gateway-crashy ended again after the start( \\(exit 1\\))?; the"
                + " supervisor is restarting it \\(backoff\\)\n");
    JsonNode waiting =
        await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> cli.gateway("crashy"),
                s ->
                    s.get("actual").asText().equals("backoff")
                        && s.get("backoff_seconds").asLong() > 0);
    assertThat(waiting.get("reason").asText())
        .isEqualTo("restart in " + waiting.get("backoff_seconds").asLong() + "s after exit 1");
    assertThat(waiting.get("backoff_seconds").asLong()).isBetween(1L, 6L);
    assertThat(waiting.get("desired").asText()).isEqualTo("running");
    assertThat(waiting.get("last_exit").asText()).isEqualTo("exit 1");
    assertThat(waiting.get("hold_reason").isNull()).as("not held yet").isTrue();
    assertThat(waiting.get("up").asBoolean()).isFalse();

    JsonNode held =
        await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> cli.gateway("crashy"), s -> s.get("actual").asText().equals("crash-loop"));
    assertThat(held.get("hold_reason").asText()).isEqualTo("crash-loop");
    assertThat(held.get("reason").asText())
        .matches("crash loop \\(3 exits in \\d+s, last: exit 1\\)");
    assertThat(held.get("last_exit").asText()).isEqualTo("exit 1");
    assertThat(held.get("backoff_seconds").asLong()).isEqualTo(-1);
  }

  private record Run(int pid, boolean wantUp) {}

  private void start(int maxExits, int healthy, int base, int cap) throws IOException {
    int ports = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \""
            + ports
            + "-"
            + (ports + 99)
            + "\"\nsupervision:\n  crash_loop:\n    max_exits: "
            + maxExits
            + "\n    healthy_seconds: "
            + healthy
            + "\n    backoff_base: "
            + base
            + "\n    backoff_cap: "
            + cap
            + "\n    window_seconds: 300 # retired: still loads\n");
    up = HermesUp.start(cli, scratch.resolve("up.log"));
  }

  /** Starts hermes up and kills the gateway twice quickly: the second crash backs off 96-120 s. */
  private void killTwiceIntoALongBackoff() throws IOException {
    start(5, 60, 120, 120);
    Run first = awaitReadyFor(0);
    kill(first.pid());
    Run second = awaitReadyAfter(first.pid());
    kill(second.pid());
  }

  /** Waits until the gateway is up and has been ready for at least {@code seconds}. */
  private Run awaitReadyFor(int seconds) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptionsInstanceOf(NoSuchFileException.class)
        .until(
            () -> {
              Run run = readyRun();
              return run != null && (seconds == 0 || readySeconds() >= seconds) ? run : null;
            },
            r -> r != null);
  }

  /** Waits until a run other than {@code oldPid} is up and ready. */
  private Run awaitReadyAfter(int oldPid) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(this::readyRun, r -> r != null && r.pid() != oldPid);
  }

  /** The ready run from s6-svstat, or null; a pid is taken only when it is a number above 1. */
  private Run readyRun() {
    String[] f = svstat("up,ready,pid,wantedup").split(" ");
    if (f.length != 4 || !f[0].equals("true") || !f[1].equals("true") || !f[2].matches("\\d+")) {
      return null;
    }
    int pid = Integer.parseInt(f[2]);
    return pid > 1 ? new Run(pid, f[3].equals("true")) : null;
  }

  /** How long, by the stamp the gateway wrote, the current run has been ready. */
  private long readySeconds() throws IOException {
    String stamp = Files.readString(slot.resolve("hermes-ready")).trim();
    return System.currentTimeMillis() / 1000 - Long.parseLong(stamp);
  }

  private static void kill(int pid) {
    // s6-svstat says -1 for a down service, and kill(-1) would signal everything we may signal.
    assertThat(pid).as("a pid from s6-svstat").isGreaterThan(1);
    ProcessHandle gateway = ProcessHandle.of(pid).orElseThrow();
    assertThat(gateway.info().command()).hasValueSatisfying(c -> assertThat(c).endsWith("java"));
    assertThat(gateway.destroyForcibly()).isTrue();
  }

  private String svstat(String fields) {
    try {
      Process p =
          new ProcessBuilder(S6UnderTest.tool("s6-svstat"), "-o", fields, slot.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      return p.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private String log() throws IOException {
    Path current = home.resolve("logs/gateways/default/current");
    return Files.exists(current) ? Files.readString(current, StandardCharsets.UTF_8) : "";
  }
}

package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.DeathFile;
import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.state.Death;
import dev.hermes.core.state.DeathCause;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayLifecycleTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

  @TempDir Path dir;

  private GatewayLifecycle lifecycle(GatewayStateFile file) {
    GatewayLog log =
        new GatewayLog(
            "p", 42, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return new GatewayLifecycle(file, Clock.fixed(NOW, ZoneOffset.UTC), 42, log);
  }

  @Test
  void startingReportsPidTimesAndVersionAndForgetsAnOldFailure() throws Exception {
    GatewayStateFile file = new GatewayStateFile(dir.resolve("gateway_state.json"));
    Files.writeString(
        file.path(),
        "{\"desired_state\":\"running\",\"gateway_state\":\"startup_failed\","
            + "\"exit_reason\":\"old\"}");

    lifecycle(file).reportStarting(Optional.empty());

    Map<String, Object> state = file.read();
    assertThat(state)
        .containsEntry("gateway_state", "starting")
        .containsEntry("pid", 42)
        .containsEntry("start_time", "2026-01-02T03:04:05.678Z")
        .containsEntry("updated_at", "2026-01-02T03:04:05.678Z")
        .containsEntry("desired_state", "running")
        .containsKey("version")
        .doesNotContainKey("exit_reason");
  }

  @Test
  void startingKeepsHowThePreviousRunEndedAsTheSlotRecordedIt() throws Exception {
    GatewayStateFile file = new GatewayStateFile(dir.resolve("gateway_state.json"));
    Path slotFile = dir.resolve(DeathFile.NAME);
    Files.writeString(slotFile, "oom-kill\nsignal SIGKILL\n1796000000\n");

    lifecycle(file)
        .reportStarting(DeathFile.fromEnvironment(Map.of(DeathFile.VARIABLE, slotFile.toString())));

    assertThat(file.read())
        .containsEntry(
            "last_death",
            Map.of(
                "cause", "oom-kill", "detail", "signal SIGKILL", "time", "2026-11-30T00:53:20Z"));
  }

  @Test
  void aRunWithoutARecordedDeathKeepsTheOneBefore() {
    GatewayStateFile file = new GatewayStateFile(dir.resolve("gateway_state.json"));
    Death earlier = new Death(DeathCause.SIGNAL, "signal SIGABRT", 1_796_000_000L);
    lifecycle(file).reportStarting(Optional.of(earlier));

    lifecycle(file)
        .reportStarting(
            DeathFile.fromEnvironment(Map.of(DeathFile.VARIABLE, dir.resolve("none").toString())));

    assertThat(file.read()).containsEntry("last_death", earlier.toJson());
  }

  @Test
  void aFailedStartupRecordsItsReason() {
    GatewayStateFile file = new GatewayStateFile(dir.resolve("gateway_state.json"));
    GatewayLifecycle lifecycle = lifecycle(file);
    lifecycle.reportStarting(Optional.empty());

    lifecycle.fail("fatal configuration: line one\nline two");

    assertThat(file.read())
        .containsEntry("gateway_state", "startup_failed")
        .containsEntry("exit_reason", "fatal configuration: line one line two");
  }

  @Test
  void stoppingIsNeverWrittenButStoppedIs() {
    GatewayStateFile file = new GatewayStateFile(dir.resolve("gateway_state.json"));
    GatewayLifecycle lifecycle = lifecycle(file);
    lifecycle.reportStarting(Optional.empty());
    lifecycle.fire(GatewayState.Event.READY);

    lifecycle.fire(GatewayState.Event.STOP_REQUESTED);

    assertThat(lifecycle.current()).isEqualTo(GatewayState.STOPPING);
    assertThat(file.read()).containsEntry("gateway_state", "running");
    lifecycle.fire(GatewayState.Event.DRAINED);
    assertThat(file.read()).containsEntry("gateway_state", "stopped");
  }

  @Test
  void healthIsOkOnlyWhileRunning() {
    GatewayLifecycle lifecycle = lifecycle(new GatewayStateFile(dir.resolve("gateway_state.json")));
    HealthEndpoint health = new HealthEndpoint(lifecycle);

    assertThat(health.handle(null)).isEqualTo(new JsonReply(503, Map.of("status", "starting")));
    lifecycle.fire(GatewayState.Event.READY);
    assertThat(health.handle(null)).isEqualTo(new JsonReply(200, Map.of("status", "ok")));
    lifecycle.fire(GatewayState.Event.STOP_REQUESTED);
    assertThat(health.handle(null)).isEqualTo(new JsonReply(503, Map.of("status", "stopping")));
  }
}

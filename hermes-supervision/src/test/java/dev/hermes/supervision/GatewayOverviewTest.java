package dev.hermes.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hermes.core.Profile;
import dev.hermes.core.state.ActualState;
import dev.hermes.supervision.none.NoServiceManager;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayOverviewTest {
  @TempDir Path dir;

  private Profile profile(String config) throws IOException {
    Files.writeString(dir.resolve(Profile.SOUL), "soul\n");
    Files.writeString(dir.resolve(Profile.CONFIG), config);
    return new Profile("coder", dir, dir.resolve("logs"));
  }

  @Test
  void aReadableProfileHasItsPortAndNoConfigError() throws IOException {
    GatewayOverview row =
        GatewayOverview.of(
            profile("gateway:\n  port: 9001\n"),
            GatewayStatus.notRegistered("coder"),
            new NoServiceManager());

    assertThat(row.port()).isEqualTo(9001);
    assertThat(row.configError()).isNull();
    assertThat(row.toJson()).containsEntry("config_error", null);
  }

  @Test
  void aFiftyMegabyteConfigIsABadConfigRowAtOnce() throws IOException {
    Profile profile = profile("");
    try (RandomAccessFile out = new RandomAccessFile(profile.configFile().toFile(), "rw")) {
      out.setLength(50L * 1024 * 1024);
    }

    GatewayOverview row =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () ->
                GatewayOverview.of(
                    profile, GatewayStatus.notRegistered("coder"), new NoServiceManager()));

    assertThat(row.port()).isNull();
    assertThat(row.configError()).endsWith("config.yaml is 50 MB; the limit is 256 KB");
    assertThat(row.actual()).isEqualTo(ActualState.NOT_SUPERVISED);
  }

  @Test
  void aGatewayThatExitedBeforeReportingAnythingShowsItsExitInTheBackoff() throws IOException {
    // Its lock refused, the gateway exits 1 before it writes gateway_state: s6 counted the exit.
    GatewayStatus waiting =
        GatewayStatus.builder("coder").wantUp(true).exitCode(1).restarts(2).backoff(5).build();

    GatewayOverview row =
        GatewayOverview.of(profile("gateway:\n  port: 9001\n"), waiting, new NoServiceManager());

    assertThat(row.actual()).isEqualTo(ActualState.BACKOFF);
    assertThat(row.lastExit()).isEqualTo("exit 1");
    assertThat(row.reason()).isEqualTo("restart in 5s after exit 1");
    assertThat(row.backoffSeconds()).isEqualTo(5);
  }

  @Test
  void aGatewayThatNeverRanHasNoLastExit() throws IOException {
    GatewayStatus fresh = GatewayStatus.builder("coder").exitCode(0).restarts(0).build();

    GatewayOverview row =
        GatewayOverview.of(profile("gateway:\n  port: 9001\n"), fresh, new NoServiceManager());

    assertThat(row.actual()).isEqualTo(ActualState.DOWN);
    assertThat(row.lastExit()).isNull();
  }

  @Test
  void aLinkedStateFileIsABadConfigRowWithoutItsContent() throws IOException {
    Profile profile = profile("gateway:\n  port: 9001\n");
    Path planted = Files.writeString(dir.resolve("elsewhere.json"), "{\"desired_state\":\"x\"}");
    Files.createSymbolicLink(profile.stateFile(), planted);

    GatewayOverview row =
        GatewayOverview.of(profile, GatewayStatus.notRegistered("coder"), new NoServiceManager());

    assertThat(row.configError()).contains("gateway_state.json is a symbolic link");
    assertThat(row.desired()).isNull();
    assertThat(row.port()).isEqualTo(9001);
  }

  @Test
  void aGatewayRunInTheForegroundShowsItsPidAndThatNothingRestartsIt() throws IOException {
    Profile profile = profile("gateway:\n  port: 9001\n");
    long self = ProcessHandle.current().pid();
    profile
        .state()
        .merge(
            java.util.Map.of(
                "gateway_state", "running", "pid", self, "start_time", "2026-01-01T00:00:00Z"));
    Files.writeString(profile.pidFile(), self + "\n");

    GatewayOverview row =
        GatewayOverview.of(profile, GatewayStatus.notRegistered("coder"), new NoServiceManager());

    assertThat(row.actual()).isEqualTo(ActualState.NOT_SUPERVISED);
    assertThat(row.pid()).isEqualTo((int) self);
    assertThat(row.ready()).isTrue();
    assertThat(row.uptimeSeconds()).isPositive();
    assertThat(row.reason()).isEqualTo(ForegroundGateway.REASON);
  }

  @Test
  void aStaleStateFileOfADeadRunIsNotAForegroundGateway() throws IOException {
    Profile profile = profile("gateway:\n  port: 9001\n");
    profile.state().merge(java.util.Map.of("gateway_state", "running", "pid", 999_999_999));
    Files.writeString(profile.pidFile(), "999999999\n");

    GatewayOverview row =
        GatewayOverview.of(profile, GatewayStatus.notRegistered("coder"), new NoServiceManager());

    assertThat(row.pid()).isEqualTo(-1);
    assertThat(row.reason())
        .isEqualTo(
            "no service manager on this host: run the gateway in the foreground with 'hermes"
                + " gateway run'");
  }

  @Test
  void theReasonBesideEachStateSaysWhy() throws IOException {
    Profile profile = profile("gateway:\n  port: 9001\n");
    profile.state().merge(java.util.Map.of("gateway_state", "running"));
    ServiceManager none = new NoServiceManager();

    GatewayOverview backoff =
        GatewayOverview.of(
            profile,
            GatewayStatus.builder("coder").wantUp(true).exitCode(1).backoff(4).build(),
            none);
    assertThat(backoff.stateLine()).isEqualTo("backoff: restart in 4s after exit 1");
    assertThat(backoff.lastExit()).isEqualTo("exit 1");
    assertThat(backoff.backoffSeconds()).isEqualTo(4);

    GatewayOverview held =
        GatewayOverview.of(
            profile,
            GatewayStatus.builder("coder")
                .exitCode(78)
                .hold(
                    new dev.hermes.core.state.Hold(
                        dev.hermes.core.state.HoldReason.FATAL_CONFIG,
                        "fatal configuration: port 9001 in use"))
                .build(),
            none);
    assertThat(held.stateLine()).isEqualTo("failed: fatal configuration: port 9001 in use");
    assertThat(held.toJson())
        .containsEntry("hold_reason", "fatal-config")
        .containsEntry("last_exit", "exit 78");

    GatewayOverview ready =
        GatewayOverview.of(profile, GatewayStatus.builder("coder").up(5).ready(true).build(), none);
    assertThat(ready.stateLine()).isEqualTo("ready");
  }
}

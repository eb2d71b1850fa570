package dev.hermes.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import dev.hermes.supervision.GatewayWait.Goal;
import dev.hermes.supervision.testing.FakeServiceManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayWaitTest {
  private final FakeServiceManager manager = FakeServiceManager.container();
  private long now;
  private final GatewayWait wait =
      new GatewayWait(manager, () -> now, millis -> now += millis * 1_000_000);

  private static GatewayStatus up(int pid, boolean ready) {
    return GatewayStatus.builder("coder").up(pid).ready(ready).since(1).restarts(0).build();
  }

  private static GatewayStatus down(String failure) {
    return GatewayStatus.builder("coder")
        .wantUp(true)
        .since(1)
        .exitCode(1)
        .restarts(3)
        .hold(failure == null ? null : new Hold(HoldReason.CRASH_LOOP, failure))
        .build();
  }

  @Test
  void readyOnceUpAndReady() {
    manager.answers("coder", down(null), up(10, false), up(10, true));

    GatewayStatus status = wait.until("coder", Goal.READY, -1, Duration.ofSeconds(5));

    assertThat(status.pid()).isEqualTo(10);
    assertThat(manager.statusReads()).isEqualTo(3);
  }

  @Test
  void restartWaitsForANewPid() {
    manager.answers("coder", up(10, true), up(10, true), up(11, false), up(11, true));

    GatewayStatus status = wait.until("coder", Goal.READY, 10, Duration.ofSeconds(5));

    assertThat(status.pid()).isEqualTo(11);
  }

  @Test
  void downGoal() {
    manager.answers("coder", up(10, true), down(null));

    assertThat(wait.until("coder", Goal.DOWN, -1, Duration.ofSeconds(5)).up()).isFalse();
  }

  @Test
  void heldDownEndsTheWaitWithTheReason() {
    manager.answers("coder", down("crash loop (5 exits in 9s, last: exit 1)"));

    assertThatThrownBy(() -> wait.until("coder", Goal.READY, -1, Duration.ofSeconds(5)))
        .isInstanceOf(SupervisionException.class)
        .hasMessage("gateway-coder is held down: crash loop (5 exits in 9s, last: exit 1)");
    assertThat(manager.statusReads()).isEqualTo(1);
  }

  @Test
  void timeoutNamesTheLastState() {
    manager.answers("coder", up(10, false));

    assertThatThrownBy(() -> wait.until("coder", Goal.READY, -1, Duration.ofSeconds(2)))
        .isInstanceOf(SupervisionException.class)
        .hasMessage("gateway-coder did not become ready within 2s (now: starting)");
    assertThat(now).isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
  }

  private static GatewayStatus crashed(int restarts, long backoff) {
    return GatewayStatus.builder("coder")
        .wantUp(true)
        .exitCode(1)
        .restarts(restarts)
        .backoff(backoff)
        .build();
  }

  private GatewayOutcome settle(GatewayAction action, GatewayStatus before) {
    return wait.settle("coder", action, before, Duration.ofSeconds(5));
  }

  @Test
  void aStartSettlesOnReadyWithThePid() {
    manager.answers("coder", down(null), up(10, false), up(10, true));

    GatewayOutcome outcome = settle(GatewayAction.START, down(null));

    assertThat(outcome.verdict()).isEqualTo(GatewayOutcome.Verdict.READY);
    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.line()).isEqualTo("✓ Started gateway-coder: ready, PID 10");
  }

  @Test
  void aStartThatIsHeldAgainIsAFailureWithTheReason() {
    GatewayStatus held =
        GatewayStatus.builder("coder")
            .exitCode(78)
            .restarts(3)
            .hold(new Hold(HoldReason.FATAL_CONFIG, "fatal configuration: port 9 is in use"))
            .build();
    manager.answers("coder", up(10, false), held);

    GatewayOutcome outcome = settle(GatewayAction.START, down(null));

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.line())
        .isEqualTo(
            "✗ gateway-coder is held down again: failed: fatal configuration: port 9 is in use");
  }

  @Test
  void aStartWhoseGatewayCrashesAgainSaysSoEvenWhenTheRestartIsQuick() {
    // The crash count went up although the supervisor already brought it back.
    GatewayStatus before = down(null).toBuilder().restarts(3).build();
    manager.answers(
        "coder",
        GatewayStatus.builder("coder").up(10).restarts(3).build(),
        GatewayStatus.builder("coder").up(11).restarts(4).build());

    GatewayOutcome outcome = settle(GatewayAction.START, before);

    assertThat(outcome.verdict()).isEqualTo(GatewayOutcome.Verdict.CRASHED);
    assertThat(outcome.line())
        .isEqualTo(
            "✗ gateway-coder ended again after the start; the supervisor is restarting it"
                + " (backoff)");
  }

  @Test
  void aGatewayWaitingOutItsBackoffIsACrash() {
    manager.answers("coder", crashed(3, 2));

    GatewayOutcome outcome = settle(GatewayAction.RESTART, up(10, true));

    assertThat(outcome.status().actual().word()).isEqualTo("backoff");
    assertThat(outcome.line())
        .isEqualTo(
            "✗ gateway-coder ended again after the restart (exit 1); the supervisor is"
                + " restarting it (backoff)");
  }

  @Test
  void aRestartIsNotReadyWhileTheOldRunIsStillThere() {
    manager.answers("coder", up(10, true), up(10, true), up(11, true));

    GatewayOutcome outcome = settle(GatewayAction.RESTART, up(10, true));

    assertThat(outcome.status().pid()).isEqualTo(11);
    assertThat(manager.statusReads()).isEqualTo(3);
  }

  @Test
  void whatIsStillOnItsWayWhenTheBoundPassesIsReportedAsSuch() {
    manager.answers("coder", up(10, false));

    GatewayOutcome outcome = settle(GatewayAction.START, down(null));

    assertThat(outcome.verdict()).isEqualTo(GatewayOutcome.Verdict.STARTING);
    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.line())
        .isEqualTo(
            "✓ Started gateway-coder: starting, PID 10 (not ready yet; 'hermes gateway status'"
                + " follows it)");
    assertThat(now).isGreaterThanOrEqualTo(Duration.ofSeconds(5).toNanos());
  }

  @Test
  void aStopSettlesWhenDownAndOtherwiseSaysItIsStillStopping() {
    manager.answers("coder", up(10, true), down(null));
    assertThat(settle(GatewayAction.STOP, up(10, true)).line())
        .isEqualTo("✓ Stopped gateway-coder");

    manager.answers("coder", GatewayStatus.builder("coder").up(10).wantUp(false).build());
    GatewayOutcome draining = settle(GatewayAction.STOP, up(10, true));
    assertThat(draining.status().actual().word()).isEqualTo("stopping");
    assertThat(draining.line())
        .isEqualTo("✓ Stopped gateway-coder: still stopping, PID 10 (finishing its requests)");
  }
}

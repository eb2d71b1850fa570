package dev.hermes.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import dev.hermes.supervision.GatewayWait.Goal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayWaitTest {
  /** Answers status() from a script; the last answer repeats. */
  private static final class ScriptedManager implements ServiceManager {
    final Deque<GatewayStatus> answers = new ArrayDeque<>();
    int calls;

    @Override
    public ServiceManagerKind kind() {
      return ServiceManagerKind.S6;
    }

    @Override
    public String describe() {
      return "scripted";
    }

    @Override
    public void start(String profile) {}

    @Override
    public void stop(String profile) {}

    @Override
    public void restart(String profile) {}

    @Override
    public GatewayStatus status(String profile) {
      calls++;
      return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    @Override
    public List<String> list() {
      return List.of();
    }
  }

  private final ScriptedManager manager = new ScriptedManager();
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
    manager.answers.addAll(List.of(down(null), up(10, false), up(10, true)));

    GatewayStatus status = wait.until("coder", Goal.READY, -1, Duration.ofSeconds(5));

    assertThat(status.pid()).isEqualTo(10);
    assertThat(manager.calls).isEqualTo(3);
  }

  @Test
  void restartWaitsForANewPid() {
    manager.answers.addAll(List.of(up(10, true), up(10, true), up(11, false), up(11, true)));

    GatewayStatus status = wait.until("coder", Goal.READY, 10, Duration.ofSeconds(5));

    assertThat(status.pid()).isEqualTo(11);
  }

  @Test
  void downGoal() {
    manager.answers.addAll(List.of(up(10, true), down(null)));

    assertThat(wait.until("coder", Goal.DOWN, -1, Duration.ofSeconds(5)).up()).isFalse();
  }

  @Test
  void heldDownEndsTheWaitWithTheReason() {
    manager.answers.add(down("crash loop (5 exits in 9s, last: exit 1)"));

    assertThatThrownBy(() -> wait.until("coder", Goal.READY, -1, Duration.ofSeconds(5)))
        .isInstanceOf(SupervisionException.class)
        .hasMessage("gateway-coder is held down: crash loop (5 exits in 9s, last: exit 1)");
    assertThat(manager.calls).isEqualTo(1);
  }

  @Test
  void timeoutNamesTheLastState() {
    manager.answers.add(up(10, false));

    assertThatThrownBy(() -> wait.until("coder", Goal.READY, -1, Duration.ofSeconds(2)))
        .isInstanceOf(SupervisionException.class)
        .hasMessage("gateway-coder did not become ready within 2s (now: starting)");
    assertThat(now).isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
  }
}

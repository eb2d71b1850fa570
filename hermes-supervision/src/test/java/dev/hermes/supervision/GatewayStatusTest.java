package dev.hermes.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.state.ActualState;
import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import org.junit.jupiter.api.Test;

class GatewayStatusTest {
  private static GatewayStatus.Builder coder() {
    return GatewayStatus.builder("coder");
  }

  @Test
  void eachCombinationOfFactsHasOneWord() {
    assertThat(GatewayStatus.notRegistered("coder").actual()).isEqualTo(ActualState.NOT_SUPERVISED);
    assertThat(coder().up(7).build().actual()).isEqualTo(ActualState.STARTING);
    assertThat(coder().up(7).ready(true).build().actual()).isEqualTo(ActualState.READY);
    assertThat(coder().up(7).noReadinessSignal().build().actual()).isEqualTo(ActualState.UP);
    assertThat(coder().up(7).ready(true).wantUp(false).build().actual())
        .isEqualTo(ActualState.STOPPING);
    assertThat(coder().build().actual()).isEqualTo(ActualState.DOWN);
    assertThat(coder().wantUp(true).build().actual())
        .as("wanted up, no crash pending: about to be started")
        .isEqualTo(ActualState.STARTING);
    assertThat(coder().wantUp(true).backoff(3).build().actual()).isEqualTo(ActualState.BACKOFF);
    assertThat(coder().hold(new Hold(HoldReason.CRASH_LOOP, "crash loop")).build().actual())
        .isEqualTo(ActualState.CRASH_LOOP);
    assertThat(coder().hold(new Hold(HoldReason.FATAL_CONFIG, "fatal")).build().actual())
        .isEqualTo(ActualState.FAILED);
  }

  @Test
  void aRunningProcessCarriesNoHoldNoExitAndNoBackoff() {
    GatewayStatus status =
        coder()
            .hold(new Hold(HoldReason.CRASH_LOOP, "old"))
            .exitCode(1)
            .signal("KILL")
            .backoff(4)
            .up(9)
            .build();

    assertThat(status.hold()).isNull();
    assertThat(status.exitCode()).isEqualTo(-1);
    assertThat(status.signal()).isNull();
    assertThat(status.backoffSeconds()).isEqualTo(-1);
    assertThat(status.pidIfUp()).hasValue(9);
  }

  @Test
  void aDownGatewayHasNoPidAndNoReadiness() {
    GatewayStatus status = coder().ready(true).build();

    assertThat(status.pid()).isEqualTo(-1);
    assertThat(status.ready()).isFalse();
    assertThat(status.failure()).isNull();
  }
}

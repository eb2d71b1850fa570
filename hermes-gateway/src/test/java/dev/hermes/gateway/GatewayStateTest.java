package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.gateway.GatewayState.Event;
import org.junit.jupiter.api.Test;

class GatewayStateTest {
  @Test
  void aStartingGatewayRunsOnceReady() {
    assertThat(GatewayState.STARTING.on(Event.READY)).isEqualTo(GatewayState.RUNNING);
  }

  @Test
  void aStartingGatewayThatFailsEndsInStartupFailed() {
    assertThat(GatewayState.STARTING.on(Event.FAILED)).isEqualTo(GatewayState.STARTUP_FAILED);
  }

  @Test
  void aStopDuringStartupGoesStraightToStopping() {
    assertThat(GatewayState.STARTING.on(Event.STOP_REQUESTED)).isEqualTo(GatewayState.STOPPING);
  }

  @Test
  void aRunningGatewayDrainsBeforeItStops() {
    GatewayState stopping = GatewayState.RUNNING.on(Event.STOP_REQUESTED);
    assertThat(stopping).isEqualTo(GatewayState.STOPPING);
    assertThat(stopping.on(Event.DRAINED)).isEqualTo(GatewayState.STOPPED);
  }

  @Test
  void aRunningGatewayCannotFailItsStartup() {
    assertThatThrownBy(() -> GatewayState.RUNNING.on(Event.FAILED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RUNNING")
        .hasMessageContaining("FAILED");
  }

  @Test
  void finalStatesAcceptNoEvent() {
    for (GatewayState terminal :
        new GatewayState[] {GatewayState.STOPPED, GatewayState.STARTUP_FAILED}) {
      for (Event event : Event.values()) {
        assertThatThrownBy(() -> terminal.on(event)).isInstanceOf(IllegalStateException.class);
      }
    }
  }

  @Test
  void onlyStoppingStaysOutOfTheStateFile() {
    assertThat(GatewayState.values())
        .filteredOn(state -> !state.persisted())
        .containsExactly(GatewayState.STOPPING);
  }

  @Test
  void wireNamesAreTheOnesTheSpecUses() {
    assertThat(GatewayState.values())
        .extracting(GatewayState::wireName)
        .containsExactly("starting", "running", "stopping", "stopped", "startup_failed");
  }
}

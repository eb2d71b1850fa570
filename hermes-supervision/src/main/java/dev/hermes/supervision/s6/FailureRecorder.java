package dev.hermes.supervision.s6;

import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.Profile;
import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import dev.hermes.core.state.ReportedState;
import java.time.Instant;
import java.util.Map;

/**
 * Records, from the finish script, that the supervisor now holds a gateway down: {@code
 * gateway_state: startup_failed} with the reason. {@code desired_state} is left alone: the operator
 * still wants it running, and {@code doctor} reports the drift.
 */
public final class FailureRecorder {
  static final String FATAL_PREFIX = "fatal configuration";

  private FailureRecorder() {}

  /**
   * Records the hold and returns it as it should be shown. A gateway that exited 78 wrote its own
   * reason ({@code fatal configuration: port 9119 on 127.0.0.1 is in use by another program}) just
   * before: that line is kept, because the finish script only knows the exit code.
   */
  public static Hold record(Profile profile, Hold proposed) {
    Hold hold = proposed;
    if (proposed.reason() == HoldReason.FATAL_CONFIG) {
      Map<String, Object> state = profile.state().read();
      Object reason = state.get(GatewayStateFile.EXIT_REASON);
      if (ReportedState.STARTUP_FAILED.word().equals(state.get(GatewayStateFile.GATEWAY_STATE))
          && reason instanceof String own
          && own.startsWith(FATAL_PREFIX)
          && own.length() > FATAL_PREFIX.length()) {
        hold = new Hold(HoldReason.FATAL_CONFIG, own);
      }
    }
    profile
        .state()
        .merge(
            Map.of(
                GatewayStateFile.GATEWAY_STATE,
                ReportedState.STARTUP_FAILED.word(),
                GatewayStateFile.EXIT_REASON,
                hold.message(),
                GatewayStateFile.UPDATED_AT,
                Instant.now().toString()));
    return hold;
  }
}

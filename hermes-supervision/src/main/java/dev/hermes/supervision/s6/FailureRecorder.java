package dev.hermes.supervision.s6;

import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.Profile;
import java.time.Instant;
import java.util.Map;

/**
 * Records, from the finish script, that the supervisor now holds a gateway down: {@code
 * gateway_state: startup_failed} with the reason. {@code desired_state} is left alone: the operator
 * still wants it running, and {@code doctor} reports the drift.
 */
public final class FailureRecorder {
  private FailureRecorder() {}

  public static void record(Profile profile, String reason) {
    profile
        .state()
        .merge(
            Map.of(
                GatewayStateFile.GATEWAY_STATE,
                "startup_failed",
                GatewayStateFile.EXIT_REASON,
                reason,
                GatewayStateFile.UPDATED_AT,
                Instant.now().toString()));
  }
}

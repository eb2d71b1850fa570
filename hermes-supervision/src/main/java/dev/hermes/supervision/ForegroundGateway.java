package dev.hermes.supervision;

import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.PidLock;
import dev.hermes.core.Profile;
import dev.hermes.core.state.ReportedState;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A gateway someone started by hand ({@code hermes gateway run}) that no supervisor knows: found
 * from what it reports about itself. Its state file must say starting or running with a pid, its
 * {@code gateway.pid} must name the same pid, and that process must be alive; a stale file from a
 * run that died therefore never shows as running.
 */
final class ForegroundGateway {
  static final String REASON =
      "running in the foreground ('hermes gateway run'); nothing restarts it";

  private ForegroundGateway() {}

  static OptionalInt pid(Profile profile, Map<String, Object> state) {
    ReportedState reported =
        ReportedState.parse(state.get(GatewayStateFile.GATEWAY_STATE)).orElse(null);
    if (reported != ReportedState.STARTING && reported != ReportedState.RUNNING) {
      return OptionalInt.empty();
    }
    if (!(state.get(GatewayStateFile.PID) instanceof Number number) || number.longValue() <= 1) {
      return OptionalInt.empty();
    }
    long pid = number.longValue();
    if (!PidLock.readPid(profile.pidFile()).equals(OptionalLong.of(pid))) {
      return OptionalInt.empty();
    }
    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    return alive ? OptionalInt.of((int) pid) : OptionalInt.empty();
  }

  static long uptimeSeconds(Map<String, Object> state) {
    Object start = state.get(GatewayStateFile.START_TIME);
    if (start == null) {
      return -1;
    }
    try {
      return Math.max(
          0, Duration.between(Instant.parse(start.toString()), Instant.now()).toSeconds());
    } catch (DateTimeParseException e) {
      return -1;
    }
  }
}

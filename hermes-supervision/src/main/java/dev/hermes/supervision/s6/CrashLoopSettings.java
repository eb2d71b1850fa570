package dev.hermes.supervision.s6;

import dev.hermes.core.ConfigKey;
import dev.hermes.core.HermesException;
import dev.hermes.core.ProfileConfig;

/**
 * The crash-loop policy's numbers (state machine in docs/backends.md). A crash streak counts the
 * crashes that come before {@code healthySeconds} of readiness; the {@code maxExits}-th crash of a
 * streak holds the gateway down. The first crash of a streak restarts at once, the n-th (n > 1)
 * after {@code backoffBase}·2^(n-2) seconds, capped at {@code backoffCap}, with ±20 % jitter.
 * Across every gateway of one scandir at most {@code fleetRestartsPerSecond} restarts after a crash
 * happen in one second (0: no limit), so an outage every gateway shares does not start them all at
 * once. Configurable under {@code supervision.crash_loop} in the root config.yaml.
 *
 * <p>{@code window_seconds} is retired: a streak ends only by a healthy period, so a gateway that
 * runs well between rare crashes is never held, and one that never gets healthy is held however
 * slowly it crashes. The key is still accepted, whatever its value, and ignored.
 */
public record CrashLoopSettings(
    int maxExits, int backoffBase, int backoffCap, int healthySeconds, int fleetRestartsPerSecond) {
  public static final CrashLoopSettings DEFAULT = new CrashLoopSettings(5, 1, 60, 60, 2);

  /**
   * The longest a restart waits for its turn in the fleet's budget: beyond it (more gateways
   * crashed together than the budget serves in this time) it goes anyway, since s6 would kill a
   * finish that waits past {@link #finishTimeoutMillis()} and restart the gateway at once.
   */
  public static final int FLEET_WAIT_MAX_SECONDS = 300;

  public CrashLoopSettings {
    if (maxExits < 1
        || backoffBase < 0
        || backoffCap < backoffBase
        || healthySeconds < 0
        || fleetRestartsPerSecond < 0) {
      throw new HermesException(
          "invalid supervision.crash_loop settings: max_exits must be >= 1,"
              + " 0 <= backoff_base <= backoff_cap, healthy_seconds >= 0,"
              + " fleet_restarts_per_second >= 0");
    }
  }

  public static CrashLoopSettings from(ProfileConfig config) {
    return new CrashLoopSettings(
        config.integer(ConfigKey.CRASH_LOOP_MAX_EXITS).orElse(DEFAULT.maxExits),
        config.integer(ConfigKey.CRASH_LOOP_BACKOFF_BASE).orElse(DEFAULT.backoffBase),
        config.integer(ConfigKey.CRASH_LOOP_BACKOFF_CAP).orElse(DEFAULT.backoffCap),
        config.integer(ConfigKey.CRASH_LOOP_HEALTHY_SECONDS).orElse(DEFAULT.healthySeconds),
        config
            .integer(ConfigKey.CRASH_LOOP_FLEET_RESTARTS_PER_SECOND)
            .orElse(DEFAULT.fleetRestartsPerSecond));
  }

  /**
   * How long s6 must let the finish script run: the longest backoff, the longest wait for a turn in
   * the fleet's budget, and the bounded extras (the status read, the failure recorder's JVM, log
   * writes).
   */
  public int finishTimeoutMillis() {
    int fleetWait = fleetRestartsPerSecond > 0 ? FLEET_WAIT_MAX_SECONDS : 0;
    return (backoffCap + fleetWait + 30) * 1000;
  }
}

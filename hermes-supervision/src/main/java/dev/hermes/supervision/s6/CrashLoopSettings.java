package dev.hermes.supervision.s6;

import dev.hermes.core.ConfigKey;
import dev.hermes.core.HermesException;
import dev.hermes.core.ProfileConfig;

/**
 * The crash-loop policy's numbers (state machine in docs/backends.md). A crash streak counts the
 * crashes that come before {@code healthySeconds} of readiness; the {@code maxExits}-th crash of a
 * streak holds the gateway down. The first crash of a streak restarts at once, the n-th (n > 1)
 * after {@code backoffBase}·2^(n-2) seconds, capped at {@code backoffCap}, with ±20 % jitter.
 * Configurable under {@code supervision.crash_loop} in the root config.yaml.
 *
 * <p>{@code window_seconds} is retired: a streak ends only by a healthy period, so a gateway that
 * runs well between rare crashes is never held, and one that never gets healthy is held however
 * slowly it crashes. The key is still accepted, whatever its value, and ignored.
 */
public record CrashLoopSettings(int maxExits, int backoffBase, int backoffCap, int healthySeconds) {
  public static final CrashLoopSettings DEFAULT = new CrashLoopSettings(5, 1, 60, 60);

  public CrashLoopSettings {
    if (maxExits < 1 || backoffBase < 0 || backoffCap < backoffBase || healthySeconds < 0) {
      throw new HermesException(
          "invalid supervision.crash_loop settings: max_exits must be >= 1,"
              + " 0 <= backoff_base <= backoff_cap, healthy_seconds >= 0");
    }
  }

  public static CrashLoopSettings from(ProfileConfig config) {
    return new CrashLoopSettings(
        config.integer(ConfigKey.CRASH_LOOP_MAX_EXITS).orElse(DEFAULT.maxExits),
        config.integer(ConfigKey.CRASH_LOOP_BACKOFF_BASE).orElse(DEFAULT.backoffBase),
        config.integer(ConfigKey.CRASH_LOOP_BACKOFF_CAP).orElse(DEFAULT.backoffCap),
        config.integer(ConfigKey.CRASH_LOOP_HEALTHY_SECONDS).orElse(DEFAULT.healthySeconds));
  }

  /**
   * How long s6 must let the finish script run: the longest backoff plus the bounded extras (the
   * status read, the failure recorder's JVM, log writes).
   */
  public int finishTimeoutMillis() {
    return (backoffCap + 30) * 1000;
  }
}

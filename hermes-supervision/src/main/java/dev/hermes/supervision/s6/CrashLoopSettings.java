package dev.hermes.supervision.s6;

import dev.hermes.core.HermesException;
import dev.hermes.core.ProfileConfig;

/**
 * The crash-loop policy's numbers: after {@code maxExits} crashes within {@code windowSeconds} the
 * gateway is held down; the first crash of a streak restarts at once, the n-th (n > 1) after {@code
 * backoffBase}·2^(n-2) seconds, capped at {@code backoffCap}, where n counts crashes since the last
 * run that stayed up {@code healthySeconds}. Configurable under {@code supervision.crash_loop} in
 * the root config.yaml.
 */
public record CrashLoopSettings(
    int maxExits, int windowSeconds, int backoffBase, int backoffCap, int healthySeconds) {
  public static final CrashLoopSettings DEFAULT = new CrashLoopSettings(5, 300, 1, 60, 60);

  public CrashLoopSettings {
    if (maxExits < 1
        || windowSeconds < 1
        || backoffBase < 0
        || backoffCap < backoffBase
        || healthySeconds < 0) {
      throw new HermesException(
          "invalid supervision.crash_loop settings: max_exits and window_seconds must be >= 1,"
              + " 0 <= backoff_base <= backoff_cap, healthy_seconds >= 0");
    }
  }

  public static CrashLoopSettings from(ProfileConfig config) {
    String prefix = "supervision.crash_loop.";
    return new CrashLoopSettings(
        config.integer(prefix + "max_exits").orElse(DEFAULT.maxExits),
        config.integer(prefix + "window_seconds").orElse(DEFAULT.windowSeconds),
        config.integer(prefix + "backoff_base").orElse(DEFAULT.backoffBase),
        config.integer(prefix + "backoff_cap").orElse(DEFAULT.backoffCap),
        config.integer(prefix + "healthy_seconds").orElse(DEFAULT.healthySeconds));
  }

  /** How long s6 must let the finish script run: the longest backoff plus recording time. */
  public int finishTimeoutMillis() {
    return (backoffCap + 30) * 1000;
  }
}

package dev.hermes.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (s6, Docker, Chromium, tmux …). Missing on a developer's
 * machine, the test is skipped with the reason; missing in CI ({@code CI=true}), it fails: a CI run
 * that skipped its real engines would prove nothing while looking green.
 */
public final class Required {
  private Required() {}

  /** Skips (or, in CI, fails) the calling test unless {@code present}. */
  public static void engine(boolean present, String missing) {
    if (present) {
      return;
    }
    if (inCi()) {
      Assertions.fail("CI needs this and it is missing: " + missing);
    }
    Assumptions.abort("skipped: " + missing);
  }

  static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}

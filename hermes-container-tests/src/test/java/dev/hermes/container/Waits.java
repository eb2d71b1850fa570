package dev.hermes.container;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/** Polling with a deadline: tests wait for something to happen, never for a fixed time. */
final class Waits {
  private Waits() {}

  /** Polls until {@code probe} returns non-null; fails with {@code what} and the last state. */
  static <T> T until(Duration timeout, String what, Supplier<T> probe, Supplier<String> state) {
    try {
      return await(what)
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(probe::get, Objects::nonNull);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(what + " did not happen within " + timeout + "; " + state.get(), e);
    }
  }
}

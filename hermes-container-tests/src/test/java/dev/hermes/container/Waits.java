package dev.hermes.container;

import java.time.Duration;
import java.util.function.Supplier;

/** Polling with a deadline: tests wait for something to happen, never for a fixed time. */
final class Waits {
  private Waits() {}

  /** Polls until {@code probe} returns non-null; fails with {@code what} and the last state. */
  static <T> T until(Duration timeout, String what, Supplier<T> probe, Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + timeout + "; " + state.get());
      }
      pause(100);
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}

package dev.hermes.dashboard;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failed logins within {@link #WINDOW},
 * every login is refused until the oldest failure leaves the window. Global rather than per client:
 * the dashboard has one set of credentials, and a global limit cannot be dodged by changing
 * address.
 */
final class LoginThrottle {
  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(1);

  private final Deque<Long> failures = new ArrayDeque<>();
  private final LongSupplier nanos;

  LoginThrottle(LongSupplier nanos) {
    this.nanos = nanos;
  }

  synchronized boolean allowed() {
    long now = nanos.getAsLong();
    while (!failures.isEmpty() && now - failures.peekFirst() > WINDOW.toNanos()) {
      failures.removeFirst();
    }
    return failures.size() < MAX_FAILURES;
  }

  synchronized void failed() {
    failures.addLast(nanos.getAsLong());
  }
}

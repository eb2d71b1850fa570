package dev.hermes.gateway;

import java.time.Duration;

/**
 * Counts requests being handled, so a stop can wait for them. We drain ourselves rather than rely
 * on {@code HttpServer.stop(delay)}: on JDK 17 that always waits the full delay, even when idle.
 */
final class InFlightRequests {
  private int active;
  private boolean closed;

  /** Admits a request; false once closed, and the request should then be refused. */
  synchronized boolean tryEnter() {
    if (closed) {
      return false;
    }
    active++;
    return true;
  }

  synchronized void exit() {
    active--;
    if (active == 0) {
      notifyAll();
    }
  }

  /** Admits no more requests. */
  synchronized void close() {
    closed = true;
  }

  synchronized int active() {
    return active;
  }

  /** Waits until no request is active or {@code timeout} passes; true when idle. */
  synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (active > 0) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      wait(Math.max(1, remaining / 1_000_000));
    }
    return true;
  }
}

package dev.hermes.supervision;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Polls the service manager until a gateway reaches what a lifecycle command asked for: ready after
 * a start or restart (a restart also needs a new pid), down after a stop. A gateway the supervisor
 * gives up on (crash loop, fatal configuration) ends the wait at once with its reason rather than
 * running into the timeout.
 */
public final class GatewayWait {
  /** What the caller waits for. */
  public enum Goal {
    READY,
    DOWN
  }

  private static final long POLL_MILLIS = 20;

  private final ServiceManager manager;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  /** Lets tests run the wait without real time passing. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  public GatewayWait(ServiceManager manager) {
    this(manager, System::nanoTime, Thread::sleep);
  }

  public GatewayWait(ServiceManager manager, LongSupplier nanoTime, Sleeper sleeper) {
    this.manager = manager;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  /**
   * Returns the status that satisfied the goal.
   *
   * @param notPid for a restart: the pid of the run being replaced, which does not count as ready;
   *     -1 otherwise
   * @throws SupervisionException when the gateway is held down, or the timeout passes
   */
  public GatewayStatus until(String profile, Goal goal, int notPid, Duration timeout) {
    long deadline = nanoTime.getAsLong() + timeout.toNanos();
    GatewayStatus status;
    while (true) {
      status = manager.status(profile);
      if (reached(status, goal, notPid)) {
        return status;
      }
      if (goal == Goal.READY && status.failure() != null && !status.up()) {
        throw new SupervisionException("gateway-" + profile + " is held down: " + status.failure());
      }
      if (nanoTime.getAsLong() >= deadline) {
        break;
      }
      try {
        sleeper.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SupervisionException("interrupted while waiting for gateway-" + profile);
      }
    }
    throw new SupervisionException(
        "gateway-"
            + profile
            + (goal == Goal.READY ? " did not become ready" : " did not go down")
            + " within "
            + timeout.toSeconds()
            + "s (now: "
            + status.actual()
            + ")");
  }

  private static boolean reached(GatewayStatus status, Goal goal, int notPid) {
    return switch (goal) {
      case READY -> status.up() && status.ready() && status.pid() != notPid;
      case DOWN -> !status.up();
    };
  }
}

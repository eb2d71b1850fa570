package dev.hermes.supervision;

import dev.hermes.core.state.ActualState;
import java.time.Duration;
import java.util.function.Function;
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
    return poll(
        profile,
        timeout,
        status -> {
          if (reached(status, goal, notPid)) {
            return status;
          }
          if (goal == Goal.READY && status.failure() != null && !status.up()) {
            throw new SupervisionException(
                "gateway-" + profile + " is held down: " + status.failure());
          }
          return null;
        },
        status -> {
          throw new SupervisionException(
              "gateway-"
                  + profile
                  + (goal == Goal.READY ? " did not become ready" : " did not go down")
                  + " within "
                  + timeout.toSeconds()
                  + "s (now: "
                  + status.actual()
                  + ")");
        });
  }

  /**
   * Watches a gateway after {@code action} for at most {@code bound} and says what happened: ready,
   * held down again, or ended again (its crash count went up, or it waits out a crash's delay) for
   * start and restart; down for stop. What is still on its way when the bound passes is reported as
   * such (starting, stopping), never as done.
   *
   * @param before the status just before the action
   */
  public GatewayOutcome settle(
      String profile, GatewayAction action, GatewayStatus before, Duration bound) {
    int oldPid = action == GatewayAction.RESTART && before.up() ? before.pid() : -1;
    int restartsBefore = before.restarts();
    return poll(
        profile,
        bound,
        status -> {
          GatewayOutcome.Verdict verdict = verdict(status, action, oldPid, restartsBefore);
          return verdict == null ? null : new GatewayOutcome(action, verdict, status);
        },
        status ->
            new GatewayOutcome(
                action,
                action.bringsUp()
                    ? GatewayOutcome.Verdict.STARTING
                    : GatewayOutcome.Verdict.STOPPING,
                status));
  }

  /**
   * Reads the gateway's status every {@link #POLL_MILLIS} until {@code done} makes something of it
   * (null: not yet), and once {@code bound} has passed answers with {@code late} on the last status
   * instead. Either may throw to end the wait.
   */
  private <R> R poll(
      String profile,
      Duration bound,
      Function<GatewayStatus, R> done,
      Function<GatewayStatus, R> late) {
    long deadline = nanoTime.getAsLong() + bound.toNanos();
    while (true) {
      GatewayStatus status = manager.status(profile);
      R result = done.apply(status);
      if (result != null) {
        return result;
      }
      if (nanoTime.getAsLong() >= deadline) {
        return late.apply(status);
      }
      try {
        sleeper.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SupervisionException("interrupted while waiting for gateway-" + profile);
      }
    }
  }

  /** The verdict this status settles on, or null while the action is still under way. */
  private static GatewayOutcome.Verdict verdict(
      GatewayStatus status, GatewayAction action, int oldPid, int restartsBefore) {
    if (!action.bringsUp()) {
      return status.up() ? null : GatewayOutcome.Verdict.DOWN;
    }
    if (!status.up() && status.hold() != null) {
      return GatewayOutcome.Verdict.HELD;
    }
    if (status.up() && status.pid() == oldPid) {
      // A restart's old run has not gone yet.
      return null;
    }
    if (restartsBefore >= 0 && status.restarts() > restartsBefore
        || status.actual() == ActualState.BACKOFF) {
      return GatewayOutcome.Verdict.CRASHED;
    }
    if (status.up() && (status.ready() || !status.reportsReadiness())) {
      return GatewayOutcome.Verdict.READY;
    }
    return null;
  }

  private static boolean reached(GatewayStatus status, Goal goal, int notPid) {
    return switch (goal) {
      case READY -> status.up() && status.ready() && status.pid() != notPid;
      case DOWN -> !status.up();
    };
  }
}

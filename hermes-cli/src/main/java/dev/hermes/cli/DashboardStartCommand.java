package dev.hermes.cli;

import dev.hermes.core.HermesException;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.local.LocalDashboard;
import java.time.Duration;

/**
 * {@code hermes dashboard start}: brings back the dashboard of a running {@code hermes up} that s6
 * holds down because it refused its configuration (most often: its port was taken, e.g. by a
 * gateway that started first). Clears the hold, starts the slot and waits until the dashboard is
 * ready or refuses again.
 */
public final class DashboardStartCommand implements CliCommand {
  /** The dashboard's JVM start plus its bind retry (3 s) and margin. */
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final Duration POLL = Duration.ofMillis(100);

  /** What status, doctor and hermes up say about a held dashboard, the way back included. */
  public static String holdNotice(String reason) {
    return "held down: " + reason + " (once that is fixed: hermes dashboard start)";
  }

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("start")
        .describe(
            "Start the dashboard of the running 'hermes up' (after it was held down, e.g. because"
                + " its port was taken) and wait until it is ready or refuses again.",
            "In the container s6 restarts the dashboard by itself; this command is for hermes"
                + " up.")
        .footer("Exit codes: 0 ready, 1 held down again, not ready in time, or no hermes up.");
  }

  @Override
  public int run(Invocation in) throws InterruptedException {
    SupervisionEnvironment environment = in.context().supervisionEnvironment();
    if (!LocalDashboard.hermesUpRunning(environment)) {
      throw new HermesException(
          "no hermes up is running on "
              + in.context().home()
              + ": the dashboard starts with it (in the container s6 restarts it by itself)");
    }
    LocalDashboard dashboard = LocalDashboard.of(environment);
    if (dashboard.disabled()) {
      throw new HermesException(
          "this hermes up runs without a dashboard (HERMES_DASHBOARD is off); restart hermes up"
              + " with HERMES_DASHBOARD=1 to have one");
    }
    LocalDashboard.Start start = dashboard.startAndWait(WAIT, POLL);
    if (start.result() == LocalDashboard.Started.HELD) {
      in.err().println("✗ The dashboard is " + holdNotice(start.holdReason()));
      return 1;
    }
    if (start.result() == LocalDashboard.Started.READY) {
      in.out().println("✓ Started the dashboard: ready");
      return 0;
    }
    in.err()
        .println(
            "✗ The dashboard was started but is not ready after "
                + WAIT.toSeconds()
                + "s (see "
                + in.context().home().root().resolve("logs/dashboard/current")
                + ")");
    return 1;
  }
}

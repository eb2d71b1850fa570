package dev.hermes.cli;

import dev.hermes.core.HermesException;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.s6.DashboardSlot;
import dev.hermes.supervision.s6.S6Backends;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

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
    if (!S6Backends.localScannerRunning(environment)) {
      throw new HermesException(
          "no hermes up is running on "
              + in.context().home()
              + ": the dashboard starts with it (in the container s6 restarts it by itself)");
    }
    DashboardSlot slot =
        new DashboardSlot(S6Backends.slotSpec(environment), S6Backends.localScandir(environment));
    if (slot.disabled()) {
      throw new HermesException(
          "this hermes up runs without a dashboard (HERMES_DASHBOARD is off); restart hermes up"
              + " with HERMES_DASHBOARD=1 to have one");
    }
    slot.start(environment.runner());
    PrintWriter out = in.out();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> held = slot.holdReason();
      if (held.isPresent()) {
        in.err().println("✗ The dashboard is " + holdNotice(held.get()));
        return 1;
      }
      if (slot.ready(environment.runner())) {
        out.println("✓ Started the dashboard: ready");
        return 0;
      }
      Thread.sleep(POLL.toMillis());
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

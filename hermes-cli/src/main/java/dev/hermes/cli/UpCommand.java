package dev.hermes.cli;

import dev.hermes.core.HermesException;
import dev.hermes.core.HermesHome;
import dev.hermes.core.SignalTrap;
import dev.hermes.core.state.ReportedState;
import dev.hermes.supervision.local.HermesUpHome;
import dev.hermes.supervision.local.HermesUpTree;
import dev.hermes.supervision.reconcile.BootReconciler;
import dev.hermes.supervision.reconcile.ReconcileAction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code hermes up}: the whole supervised system on this host, in the foreground. It rebuilds every
 * gateway slot from HERMES_HOME (as a container boot does), runs Debian's s6-svscan on {@code
 * $HERMES_HOME/run/service}, and on Ctrl-C, SIGTERM or a closed terminal brings every gateway down
 * cleanly. {@code desired_state} is left as it was, so the next {@code hermes up} starts the same
 * gateways again.
 */
public final class UpCommand implements CliCommand {
  /** After a stop request, how long the tree gets before it is killed. */
  private static final Duration STOP_LIMIT = Duration.ofSeconds(120);

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("up")
        .runsUntilStopped()
        .describe(
            "Start every gateway whose desired state is 'running' (the default gateway on first"
                + " use) under s6 on this host, in the foreground; Ctrl-C stops them all cleanly.",
            "Other terminals use the normal commands (hermes gateway status|start|stop, profile"
                + " create|delete) against it: they find it through HERMES_HOME.",
            "Needs Debian's s6 (apt-get install s6 execline).");
  }

  @Override
  public int run(Invocation in) throws InterruptedException {
    CliContext context = in.context();
    PrintWriter out = in.out();
    PrintWriter err = in.err();
    HermesHome home = context.home();

    // Root on someone else's HERMES_HOME never gets here (OwnerHandoff): the tree's user is this
    // process's, and everything the tree runs or writes must be that user's alone.
    HermesUpHome checked = HermesUpHome.check(context.supervisionEnvironment());
    UpDashboard dashboard = UpDashboard.plan(context.env());
    context.profiles().ensureDefault();
    try (HermesUpTree tree = checked.claimTree()) {
      // Held until the reconciler is done: above 20 profiles its one line per profile is left out.
      StringWriter reconciled = new StringWriter();
      List<ReconcileAction> actions = null;
      try {
        actions = tree.reconcile(bootstrapState(context), new PrintWriter(reconciled));
      } finally {
        UpGatewayLines.copyReconcileLines(reconciled, actions, out);
      }
      dashboard.writeSlot(tree);

      AtomicLong stopRequested = new AtomicLong();
      try (SignalTrap trap =
          SignalTrap.installStopping(
              SignalTrap.TERMINAL_SESSION,
              signal -> {
                if (stopRequested.compareAndSet(0, System.nanoTime())) {
                  err.println("hermes up: SIG" + signal + ": stopping every gateway");
                  err.flush();
                  tree.requestStop();
                }
              },
              warning -> err.println("hermes up: warning: " + warning),
              notice -> err.println("hermes: " + notice))) {
        long pid = tree.startScanner();
        if (stopRequested.get() != 0) {
          // A signal that came while s6-svscan was starting could not reach it yet.
          tree.requestStop();
        }
        printWelcome(out, home, tree, pid, actions, dashboard.describe(context.env(), home));
        return awaitScanner(tree, stopRequested, out, err);
      }
    }
  }

  private static int awaitScanner(
      HermesUpTree tree, AtomicLong stopRequested, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    int code;
    Optional<String> dashboardHeld = Optional.empty();
    while (true) {
      if (tree.awaitExit(Duration.ofMillis(500))) {
        code = tree.awaitExit();
        break;
      }
      dashboardHeld = reportDashboardHold(tree, dashboardHeld, err);
      long since = stopRequested.get();
      if (since != 0 && System.nanoTime() - since > STOP_LIMIT.toNanos()) {
        err.println(
            "hermes up: the gateways did not stop within "
                + STOP_LIMIT.toSeconds()
                + "s; killing them");
        tree.kill();
      }
    }
    if (stopRequested.get() == 0) {
      throw new HermesException("s6-svscan exited unexpectedly (rc=" + code + ")");
    }
    out.println("hermes up: every gateway stopped");
    out.flush();
    return 0;
  }

  /**
   * The welcome block printed the dashboard's URL before it ran; when s6 then holds it down (its
   * port taken, …) say so once, with the way back.
   */
  private static Optional<String> reportDashboardHold(
      HermesUpTree tree, Optional<String> reported, PrintWriter err) {
    Optional<String> held = tree.dashboardHoldReason();
    if (held.isPresent() && !held.equals(reported)) {
      err.println(
          "hermes up: warning: the dashboard is " + DashboardStartCommand.holdNotice(held.get()));
      err.flush();
    }
    return held;
  }

  /** {@code hermes up} starts the default gateway on a fresh HERMES_HOME unless told otherwise. */
  private static String bootstrapState(CliContext context) {
    String configured = context.env().get(BootReconciler.BOOTSTRAP_VARIABLE);
    return configured != null ? configured : ReportedState.RUNNING.word();
  }

  private static void printWelcome(
      PrintWriter out,
      HermesHome home,
      HermesUpTree tree,
      long pid,
      List<ReconcileAction> actions,
      String dashboard) {
    out.println(
        "hermes up: s6-svscan (PID " + pid + ") supervises the gateways in " + tree.scandir());
    out.println("  HERMES_HOME  " + home);
    UpGatewayLines.print(home, actions, out);
    out.println("  dashboard    " + dashboard);
    out.println("  logs         " + home.gatewayLogsDir() + "/<profile>/current");
    out.println(
        "  control      hermes gateway status --all | hermes [-p P] gateway start|stop|restart");
    out.println("Press Ctrl-C to stop every gateway.");
    out.flush();
  }
}

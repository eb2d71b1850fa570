package dev.hermes.supervision.local;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.reconcile.BootReconciler;
import dev.hermes.supervision.reconcile.ReconcileAction;
import dev.hermes.supervision.s6.DashboardSlot;
import dev.hermes.supervision.s6.LocalSupervisor;
import dev.hermes.supervision.s6.S6Backends;
import dev.hermes.supervision.s6.S6ServiceManager;
import dev.hermes.supervision.s6.S6Tools;
import dev.hermes.supervision.s6.TreeOwnership;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hermes up}'s s6 tree on {@code $HERMES_HOME/run/service}, claimed for this process (the
 * lock, the checked scandir and log tree) until {@link #close}: its slots rebuilt, its dashboard
 * slot written, then its s6-svscan started, watched and stopped. See {@link LocalSupervisor} for
 * the lock and the scanner's process group.
 */
public final class HermesUpTree implements AutoCloseable {
  private final SupervisionEnvironment environment;
  private final S6Tools tools;
  private final LocalSupervisor supervisor;
  private final S6ServiceManager s6;

  private HermesUpTree(
      SupervisionEnvironment environment,
      S6Tools tools,
      LocalSupervisor supervisor,
      S6ServiceManager s6) {
    this.environment = environment;
    this.tools = tools;
    this.supervisor = supervisor;
    this.s6 = s6;
  }

  static HermesUpTree claim(SupervisionEnvironment environment, TreeOwnership ownership) {
    S6Tools tools = S6Tools.locate(environment.env());
    LocalSupervisor supervisor =
        LocalSupervisor.claim(
            tools, ownership, environment.home().runDir(), S6Backends.localScandir(environment));
    try {
      supervisor.prepareScandir();
      ownership.closeTree(environment.home().logsDir());
    } catch (RuntimeException e) {
      supervisor.close();
      throw e;
    }
    return new HermesUpTree(environment, tools, supervisor, S6Backends.local(environment));
  }

  /**
   * The s6 manager over this HERMES_HOME's {@code hermes up} scandir, whether or not a scanner
   * watches it (the dashboard's cache training writes a slot there that none does).
   */
  public static ServiceManager manager(SupervisionEnvironment environment) {
    return S6Backends.local(environment);
  }

  public Path scandir() {
    return supervisor.scandir();
  }

  /**
   * Rebuilds every gateway slot from HERMES_HOME, as a container boot does, before the scanner
   * runs; one line per profile goes to {@code out}.
   */
  public List<ReconcileAction> reconcile(String bootstrapState, PrintWriter out) {
    return new BootReconciler(environment.home(), s6, Clock.systemUTC(), out)
        .reconcile(bootstrapState, false, false);
  }

  /** Writes the dashboard's slot (with a {@code down} file when disabled); before the scanner. */
  public void writeDashboardSlot(String host, int port, boolean enabled) {
    new DashboardSlot(S6Backends.slotSpec(environment), supervisor.scandir())
        .write(host, port, enabled);
  }

  /** Starts s6-svscan on the scandir; returns its pid once it accepts commands. */
  public long startScanner() {
    return supervisor.start(scannerEnvironment());
  }

  /** Asks the scanner to bring every service down and exit; false when that could not be sent. */
  public boolean requestStop() {
    return supervisor.requestStop();
  }

  /** Waits up to {@code timeout}; returns true when the scanner has exited. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return supervisor.awaitExit(timeout);
  }

  /** Waits for the scanner to exit; returns its exit code. */
  public int awaitExit() throws InterruptedException {
    return supervisor.awaitExit();
  }

  /** Last resort when the tree does not stop: kills the scanner and everything under it. */
  public void kill() {
    supervisor.kill();
  }

  /** Why s6 holds the dashboard down (it refused its configuration), if it does. */
  public Optional<String> dashboardHoldReason() {
    return s6.dashboardHoldReason();
  }

  /** Removes the scanner's pid file and releases the lock. */
  @Override
  public void close() {
    supervisor.close();
  }

  /**
   * HERMES_HOME is explicit (log/run reads it at run time), and the s6 tools directory leads PATH
   * so s6-svscan finds the s6-supervise that belongs with it.
   */
  private Map<String, String> scannerEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("HERMES_HOME", environment.home().root().toString());
    String path = environment.env().getOrDefault("PATH", "/usr/bin:/bin");
    env.put("PATH", tools.binDir() + ":" + path);
    return env;
  }
}

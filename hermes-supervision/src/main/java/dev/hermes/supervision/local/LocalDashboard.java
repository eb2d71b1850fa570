package dev.hermes.supervision.local;

import dev.hermes.supervision.CommandRunner;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.s6.DashboardSlot;
import dev.hermes.supervision.s6.S6Backends;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The dashboard that {@code hermes up}'s s6 runs beside the gateways ({@link DashboardSlot}): where
 * its slot is, how a refusing dashboard records why, and {@code hermes dashboard start}, which
 * brings back one that s6 holds down.
 */
public final class LocalDashboard {
  /**
   * Names the file where a refusing dashboard writes why, so that status, doctor and hermes up can
   * say what holds it down; set only in the slot's environment.
   */
  public static final String REFUSAL_FILE_VARIABLE = DashboardSlot.REFUSAL_FILE_VARIABLE;

  /** How a start ended. */
  public enum Started {
    /** s6 reports the dashboard up and ready. */
    READY,
    /** It refused its configuration again; s6 holds it down. */
    HELD,
    /** Neither within the wait. */
    NOT_READY
  }

  /**
   * @param holdReason why it is held ({@link Started#HELD} only), else null
   */
  public record Start(Started result, String holdReason) {}

  private final DashboardSlot slot;
  private final CommandRunner runner;

  private LocalDashboard(DashboardSlot slot, CommandRunner runner) {
    this.slot = slot;
    this.runner = runner;
  }

  /** True when a {@code hermes up} runs for this HERMES_HOME (its s6-svscan is alive). */
  public static boolean hermesUpRunning(SupervisionEnvironment environment) {
    return S6Backends.localScannerRunning(environment);
  }

  /** The dashboard slot of this HERMES_HOME's {@code hermes up}. */
  public static LocalDashboard of(SupervisionEnvironment environment) {
    return new LocalDashboard(
        new DashboardSlot(S6Backends.slotSpec(environment), S6Backends.localScandir(environment)),
        environment.runner());
  }

  /** The dashboard's slot in a scandir of {@code hermes up}, whether it exists or not. */
  public static Path slotIn(Path scandir) {
    return scandir.resolve(DashboardSlot.NAME);
  }

  /** True when HERMES_DASHBOARD turned it off for this {@code hermes up}. */
  public boolean disabled() {
    return slot.disabled();
  }

  /**
   * Clears a hold, asks s6 to start the dashboard, then polls every {@code poll} until it is ready
   * or held again, for at most {@code wait}.
   */
  public Start startAndWait(Duration wait, Duration poll) throws InterruptedException {
    slot.start(runner);
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> held = slot.holdReason();
      if (held.isPresent()) {
        return new Start(Started.HELD, held.get());
      }
      if (slot.ready(runner)) {
        return new Start(Started.READY, null);
      }
      Thread.sleep(poll.toMillis());
    }
    return new Start(Started.NOT_READY, null);
  }
}

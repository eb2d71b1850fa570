package dev.hermes.supervision;

import dev.hermes.core.state.ActualState;

/**
 * What a lifecycle action led to once the supervisor acted: the line the CLI, the terminal view and
 * the dashboard show, and whether it worked.
 *
 * @param status the gateway's status when the watch ended
 */
public record GatewayOutcome(GatewayAction action, Verdict verdict, GatewayStatus status) {
  /** How the watch ended. */
  public enum Verdict {
    /** Started and ready (start, restart). */
    READY(true),
    /** Still starting when the watch ended: not known to have failed (start, restart). */
    STARTING(true),
    /** Down (stop). */
    DOWN(true),
    /** Still draining when the watch ended (stop). */
    STOPPING(true),
    /** The supervisor holds it down again: it cannot start as configured. */
    HELD(false),
    /** It ended again after the start; the supervisor is restarting it. */
    CRASHED(false);

    private final boolean ok;

    Verdict(boolean ok) {
      this.ok = ok;
    }

    public boolean ok() {
      return ok;
    }
  }

  public boolean ok() {
    return verdict.ok();
  }

  /**
   * One line: {@code ✓ Started gateway-P: ready, PID n}, or {@code ✗ gateway-P is held down again:
   * failed: fatal configuration: ...}.
   */
  public String line() {
    String slot = "gateway-" + status.profile();
    return switch (verdict) {
      case READY -> "✓ " + action.pastTense() + " " + slot + ": ready, PID " + status.pid();
      case STARTING ->
          "✓ "
              + action.pastTense()
              + " "
              + slot
              + ": "
              + status.actual().word()
              + (status.pid() > 0 ? ", PID " + status.pid() : "")
              + " (not ready yet; 'hermes gateway status' follows it)";
      case DOWN -> "✓ " + action.pastTense() + " " + slot;
      case STOPPING ->
          "✓ "
              + action.pastTense()
              + " "
              + slot
              + ": still stopping, PID "
              + status.pid()
              + " (finishing its requests)";
      case HELD ->
          "✗ " + slot + " is held down again: " + status.actual().word() + ": " + status.failure();
      case CRASHED ->
          "✗ "
              + slot
              + " ended again after the "
              + action.verb()
              + (status.lastEnd() == null ? "" : " (" + status.lastEnd() + ")")
              + "; the supervisor is restarting it ("
              + ActualState.BACKOFF.word()
              + ")";
    };
  }
}

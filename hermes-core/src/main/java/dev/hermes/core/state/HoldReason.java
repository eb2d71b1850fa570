package dev.hermes.core.state;

import java.util.Optional;

/**
 * Why the supervisor holds a gateway down. The code is machine-readable: the finish script writes
 * it as the first line of the slot's {@code hermes-failure}, the JSON carries it as {@code
 * hold_reason}.
 */
public enum HoldReason {
  /** Too many crashes in one streak. */
  CRASH_LOOP("crash-loop", ActualState.CRASH_LOOP),
  /** The gateway exited 78: its configuration cannot work, so restarting cannot help. */
  FATAL_CONFIG("fatal-config", ActualState.FAILED),
  /** The host's supervisor gave up for a reason of its own (systemd's "failed"). */
  SUPERVISOR_GAVE_UP("supervisor-gave-up", ActualState.FAILED);

  private final String code;
  private final ActualState state;

  HoldReason(String code, ActualState state) {
    this.code = code;
    this.state = state;
  }

  public String code() {
    return code;
  }

  /** The actual state of a gateway held for this reason. */
  public ActualState state() {
    return state;
  }

  /**
   * The reason a hold's line names, for a line that came without its code (a slot written before
   * the code existed, a finish script of an older install).
   */
  public static HoldReason ofMessage(String message) {
    return message.startsWith("crash loop") ? CRASH_LOOP : FATAL_CONFIG;
  }

  public static Optional<HoldReason> parse(String code) {
    return StateWords.find(values(), HoldReason::code, code);
  }

  @Override
  public String toString() {
    return code;
  }
}

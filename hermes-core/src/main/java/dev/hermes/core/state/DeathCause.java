package dev.hermes.core.state;

import java.util.Optional;

/**
 * How a gateway's last process ended, one word per cause, for the finish script to classify after
 * each exit. The code is the machine-readable word: the first line of a {@link Death}'s record.
 */
public enum DeathCause {
  /** Ended with a clean code (0, 75, 143 or SIGTERM), asked to or by itself. */
  CLEAN_STOP("clean-stop"),
  /** Exited by itself with a code that is not clean. */
  EXIT_CODE("exit-code"),
  /** Killed by a signal that neither hermes nor the OOM killer sent. */
  SIGNAL("signal"),
  /** Killed by the kernel's OOM killer: SIGKILL while the cgroup's oom_kill counter rose. */
  OOM_KILL("oom-kill"),
  /** Did not stop within hermes' own stop timeout, so the supervisor sent SIGKILL. */
  STOP_TIMEOUT("stop-timeout");

  private final String code;

  DeathCause(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Whether an operator should look at it: everything but a clean stop. */
  public boolean unclean() {
    return this != CLEAN_STOP;
  }

  public static Optional<DeathCause> parse(String code) {
    return StateWords.find(values(), DeathCause::code, code);
  }

  @Override
  public String toString() {
    return code;
  }
}

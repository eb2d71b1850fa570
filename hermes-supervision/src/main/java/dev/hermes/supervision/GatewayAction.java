package dev.hermes.supervision;

import dev.hermes.core.state.DesiredState;
import java.util.Optional;

/**
 * The lifecycle actions an operator takes, from the CLI, the terminal view or the dashboard: each
 * goes through the service manager and records the wish as {@code desired_state}.
 */
public enum GatewayAction {
  START("start", "Started", DesiredState.RUNNING),
  STOP("stop", "Stopped", DesiredState.STOPPED),
  RESTART("restart", "Restarted", DesiredState.RUNNING);

  private final String verb;
  private final String pastTense;
  private final DesiredState desired;

  GatewayAction(String verb, String pastTense, DesiredState desired) {
    this.verb = verb;
    this.pastTense = pastTense;
    this.desired = desired;
  }

  /** {@code start}: the command's name and the word in error lines. */
  public String verb() {
    return verb;
  }

  /** {@code Started}: the word in success lines. */
  public String pastTense() {
    return pastTense;
  }

  /** What the action records as {@code desired_state}. */
  public DesiredState desired() {
    return desired;
  }

  /** What the gateway should reach: running for start and restart, down for stop. */
  public boolean bringsUp() {
    return desired == DesiredState.RUNNING;
  }

  void applyTo(ServiceManager manager, String profile) {
    switch (this) {
      case START -> manager.start(profile);
      case STOP -> manager.stop(profile);
      case RESTART -> manager.restart(profile);
    }
  }

  public static Optional<GatewayAction> parse(String verb) {
    for (GatewayAction action : values()) {
      if (action.verb.equals(verb)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}

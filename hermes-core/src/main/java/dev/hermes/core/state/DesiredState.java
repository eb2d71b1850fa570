package dev.hermes.core.state;

import java.util.Optional;

/**
 * What the operator asked for, as the lifecycle commands record it in {@code desired_state}: the
 * boot reconciler brings back exactly the gateways whose desired state is running.
 */
public enum DesiredState {
  RUNNING("running"),
  STOPPED("stopped");

  private final String word;

  DesiredState(String word) {
    this.word = word;
  }

  /** The value in {@code gateway_state.json}, the tables and the JSON. */
  public String word() {
    return word;
  }

  /** The state a stored value names, or empty for null or any other value. */
  public static Optional<DesiredState> parse(Object value) {
    return StateWords.find(values(), DesiredState::word, value);
  }

  @Override
  public String toString() {
    return word;
  }
}

package dev.hermes.core.state;

import java.util.Optional;

/**
 * What the gateway writes about itself in {@code gateway_state}, and what the supervisor's finish
 * script records when it holds a gateway down ({@link #STARTUP_FAILED}). Only these are stored: the
 * gateway's transient "stopping" lives in its memory and its {@code /status}.
 */
public enum ReportedState {
  STARTING("starting"),
  RUNNING("running"),
  STOPPED("stopped"),
  STARTUP_FAILED("startup_failed");

  private final String word;

  ReportedState(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  /** The state a stored value names, or empty for null or any other value. */
  public static Optional<ReportedState> parse(Object value) {
    return StateWords.find(values(), ReportedState::word, value);
  }

  @Override
  public String toString() {
    return word;
  }
}

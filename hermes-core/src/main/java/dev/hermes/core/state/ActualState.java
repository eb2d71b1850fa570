package dev.hermes.core.state;

import java.util.Optional;

/**
 * What is actually happening to a gateway, one word per state, the same in every command, the JSON,
 * the dashboard and the terminal view. The table in docs/cli.md ("Gateway states") lists the same
 * words with the same meanings.
 */
public enum ActualState {
  /** Running; it has not signalled readiness yet. */
  STARTING("starting", "running, not ready yet"),
  /** Running and signalled readiness: its {@code /health} answers. */
  READY("ready", "running and answering"),
  /** Running under a supervisor that has no readiness signal (systemd, launchd, Task Scheduler). */
  UP("up", "running (this supervisor reports no readiness)"),
  /** It ended unexpectedly; the supervisor brings it back after a delay. */
  BACKOFF("backoff", "crashed; the supervisor restarts it after a delay"),
  /** Asked to stop and still draining its requests. */
  STOPPING("stopping", "asked to stop, finishing its requests"),
  /** Not running and not wanted up. */
  DOWN("down", "not running"),
  /** Held down after repeated crashes until started again. */
  CRASH_LOOP("crash-loop", "held down after repeated crashes, until started again"),
  /** Held down because retrying cannot help (a fatal configuration) until started again. */
  FAILED("failed", "held down: retrying cannot help (fatal configuration)"),
  /** No supervisor knows it: run in the foreground, or nothing supervises this HERMES_HOME. */
  NOT_SUPERVISED("not-supervised", "no supervisor runs it"),
  /** The supervisor could not say. */
  UNKNOWN("unknown", "the supervisor could not say");

  private final String word;
  private final String meaning;

  ActualState(String word, String meaning) {
    this.word = word;
    this.meaning = meaning;
  }

  /** The word in tables and the {@code actual} field of the JSON. */
  public String word() {
    return word;
  }

  /** What the word means, for help texts. */
  public String meaning() {
    return meaning;
  }

  /** Held down by the supervisor until an operator starts it again. */
  public boolean held() {
    return this == CRASH_LOOP || this == FAILED;
  }

  /** A gateway process exists (it may not be answering yet). */
  public boolean running() {
    return this == STARTING || this == READY || this == UP || this == STOPPING;
  }

  /** The state a word names, or empty. */
  public static Optional<ActualState> parse(String word) {
    return StateWords.find(values(), ActualState::word, word);
  }

  @Override
  public String toString() {
    return word;
  }
}

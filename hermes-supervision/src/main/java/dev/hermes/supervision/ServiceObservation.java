package dev.hermes.supervision;

/**
 * What the supervisor says about one service directory that is not a gateway's (a dashboard beside
 * the gateways, or in the container's root scandir), in the terms the doctor reports.
 *
 * @param exitCode how it last exited; -1 when unknown or killed by a signal
 * @param signal the signal that last ended it ({@code SIGKILL}), or null
 * @param error why the status could not be read ({@link State#UNREADABLE} only), else null
 */
public record ServiceObservation(State state, int exitCode, String signal, String error) {
  public enum State {
    /** Up, and it signalled readiness (it listens). */
    READY,
    /** Up, not ready yet: its JVM is starting. */
    STARTING,
    /** Down, and the supervisor wants it up: it is being restarted. */
    RESTARTING,
    /** Down, and the supervisor will not restart it. */
    STOPPED,
    /** No supervisor process runs on the directory. */
    UNSUPERVISED,
    /** Its status could not be read (another user's supervise directory…). */
    UNREADABLE
  }

  public static ServiceObservation unsupervised() {
    return new ServiceObservation(State.UNSUPERVISED, -1, null, null);
  }

  public static ServiceObservation unreadable(String error) {
    return new ServiceObservation(State.UNREADABLE, -1, null, error);
  }

  /** {@code exit 1}, {@code SIGKILL}: how the service last ended. */
  public String lastExit() {
    if (signal != null) {
      return signal;
    }
    return exitCode >= 0 ? "exit " + exitCode : "no exit recorded";
  }
}

package dev.hermes.cli.doctor;

import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.SupervisionException;
import dev.hermes.supervision.s6.S6ServiceManager;
import dev.hermes.supervision.s6.SvstatParser;
import java.nio.file.Path;

/** What s6-svstat says about a dashboard's slot, in the terms the doctor reports. */
final class DashboardService {
  /** s6-svstat's exit code when no s6-supervise runs on the directory. */
  private static final int NOT_SUPERVISED = 1;

  private DashboardService() {}

  enum State {
    /** Up, and it signalled readiness (it listens). */
    READY,
    /** Up, not ready yet: its JVM is starting. */
    STARTING,
    /** Down, and s6 wants it up: it is being restarted. */
    RESTARTING,
    /** Down, and s6 will not restart it. */
    STOPPED,
    /** No s6-supervise runs on the slot. */
    UNSUPERVISED,
    /** s6-svstat could not read its status (another user's supervise directory…). */
    UNREADABLE
  }

  /**
   * @param svstat the parsed status; null for {@link State#UNSUPERVISED} and {@link
   *     State#UNREADABLE}
   * @param error why the status could not be read ({@link State#UNREADABLE} only)
   */
  record Observation(State state, SvstatParser.Svstat svstat, String error) {
    /** {@code exit 1}, {@code SIGKILL}: how the dashboard last ended. */
    String lastExit() {
      if (svstat.signal() != null) {
        return svstat.signal();
      }
      return svstat.exitCode() >= 0 ? "exit " + svstat.exitCode() : "no exit recorded";
    }
  }

  static Observation observe(S6ServiceManager manager, Path slot) {
    CommandResult result = manager.svstat(slot);
    if (result.exitCode() == NOT_SUPERVISED) {
      return new Observation(State.UNSUPERVISED, null, null);
    }
    if (!result.ok()) {
      String line = result.firstErrorLine();
      return new Observation(
          State.UNREADABLE, null, line.isEmpty() ? "s6-svstat exited " + result.exitCode() : line);
    }
    SvstatParser.Svstat s;
    try {
      s = SvstatParser.parse(result.stdout());
    } catch (SupervisionException e) {
      return new Observation(State.UNREADABLE, null, e.getMessage());
    }
    State state;
    if (s.up()) {
      state = s.ready() ? State.READY : State.STARTING;
    } else {
      state = s.wantUp() ? State.RESTARTING : State.STOPPED;
    }
    return new Observation(state, s, null);
  }
}

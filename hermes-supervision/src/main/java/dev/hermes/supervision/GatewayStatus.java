package dev.hermes.supervision;

import dev.hermes.core.state.ActualState;
import dev.hermes.core.state.Death;
import dev.hermes.core.state.Hold;
import java.util.OptionalInt;

/**
 * What the supervisor says about one gateway. Built with {@link #builder}, so each backend names
 * the facts it knows and leaves the rest unknown.
 *
 * @param up the process is running
 * @param ready it signalled readiness (only meaningful when up)
 * @param reportsReadiness the supervisor has a readiness signal (s6 does; the host backends do not,
 *     so their running gateways are {@link ActualState#UP})
 * @param wantUp the supervisor will (re)start it when it is down
 * @param normallyUp it starts when the supervisor starts (no {@code down} file)
 * @param pid the process id, or -1 when down
 * @param sinceSeconds seconds since it last went up or down, or -1 when unknown
 * @param exitCode exit code of the last run, or -1 when up, killed by a signal, or unknown
 * @param signal name of the signal that killed the last run, or null
 * @param restarts how many times it has exited since it was registered, or -1 when unknown
 * @param hold why the supervisor holds it down (crash loop, fatal configuration), or null
 * @param backoffSeconds while it waits to be restarted after a crash: the seconds left (0 when the
 *     supervisor does not say), else -1
 * @param death how its last process ended, as the supervisor recorded it (s6 does: the slot's
 *     finish script), or null when unknown; kept while the next run is up
 * @param logLinesDropped log lines the running process lost because its log would not take them, or
 *     -1 when down or unknown (s6 knows: the gateway keeps the count in its slot)
 */
public record GatewayStatus(
    String profile,
    boolean registered,
    boolean up,
    boolean ready,
    boolean reportsReadiness,
    boolean wantUp,
    boolean normallyUp,
    int pid,
    long sinceSeconds,
    int exitCode,
    String signal,
    int restarts,
    Hold hold,
    long backoffSeconds,
    Death death,
    long logLinesDropped) {

  public static GatewayStatus notRegistered(String profile) {
    return new Builder(profile).registered(false).build();
  }

  /** A registered gateway, down, with nothing else known until the backend says so. */
  public static Builder builder(String profile) {
    return new Builder(profile);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public OptionalInt pidIfUp() {
    return up && pid > 0 ? OptionalInt.of(pid) : OptionalInt.empty();
  }

  /**
   * How the last run ended as one line ({@code exit 1}, {@code signal SIGKILL}, {@code signal
   * SIGKILL (oom-kill)}), or null while it runs or when the supervisor does not say. The recorded
   * death adds its cause only when it is of that same end: one left from an earlier run is not.
   */
  public String lastEnd() {
    if (up) {
      return null;
    }
    String end = signal != null ? "signal " + signal : exitCode >= 0 ? "exit " + exitCode : null;
    return end != null && death != null && death.detail().equals(end) ? death.line() : end;
  }

  /** The hold's one line, or null when it is not held. */
  public String failure() {
    return hold == null ? null : hold.message();
  }

  /** The one word every surface shows; the table of words is in docs/cli.md. */
  public ActualState actual() {
    if (!registered) {
      return ActualState.NOT_SUPERVISED;
    }
    if (up) {
      if (!wantUp) {
        return ActualState.STOPPING;
      }
      if (!reportsReadiness) {
        return ActualState.UP;
      }
      return ready ? ActualState.READY : ActualState.STARTING;
    }
    if (hold != null) {
      return hold.state();
    }
    if (wantUp) {
      // Down but wanted up: waiting out a crash's delay, or about to be started.
      return backoffSeconds >= 0 ? ActualState.BACKOFF : ActualState.STARTING;
    }
    return ActualState.DOWN;
  }

  /** Names each fact; whatever is not named stays unknown (-1, null, false). */
  public static final class Builder {
    private final String profile;
    private boolean registered = true;
    private boolean up;
    private boolean ready;
    private boolean reportsReadiness = true;
    private boolean wantUp;
    private boolean normallyUp;
    private int pid = -1;
    private long sinceSeconds = -1;
    private int exitCode = -1;
    private String signal;
    private int restarts = -1;
    private Hold hold;
    private long backoffSeconds = -1;
    private Death death;
    private long logLinesDropped = -1;

    private Builder(String profile) {
      this.profile = profile;
    }

    private Builder(GatewayStatus s) {
      this.profile = s.profile;
      this.registered = s.registered;
      this.up = s.up;
      this.ready = s.ready;
      this.reportsReadiness = s.reportsReadiness;
      this.wantUp = s.wantUp;
      this.normallyUp = s.normallyUp;
      this.pid = s.pid;
      this.sinceSeconds = s.sinceSeconds;
      this.exitCode = s.exitCode;
      this.signal = s.signal;
      this.restarts = s.restarts;
      this.hold = s.hold;
      this.backoffSeconds = s.backoffSeconds;
      this.death = s.death;
      this.logLinesDropped = s.logLinesDropped;
    }

    public Builder registered(boolean registered) {
      this.registered = registered;
      return this;
    }

    /** Running as {@code pid}; wanted up unless {@link #wantUp(boolean)} says otherwise. */
    public Builder up(int pid) {
      this.up = true;
      this.pid = pid;
      this.wantUp = true;
      return this;
    }

    public Builder ready(boolean ready) {
      this.ready = ready;
      return this;
    }

    /** The supervisor has no readiness signal: a running gateway is {@link ActualState#UP}. */
    public Builder noReadinessSignal() {
      this.reportsReadiness = false;
      return this;
    }

    public Builder wantUp(boolean wantUp) {
      this.wantUp = wantUp;
      return this;
    }

    public Builder normallyUp(boolean normallyUp) {
      this.normallyUp = normallyUp;
      return this;
    }

    public Builder since(long seconds) {
      this.sinceSeconds = seconds;
      return this;
    }

    public Builder exitCode(int exitCode) {
      this.exitCode = exitCode;
      return this;
    }

    public Builder signal(String signal) {
      this.signal = signal;
      return this;
    }

    public Builder restarts(int restarts) {
      this.restarts = restarts;
      return this;
    }

    public Builder hold(Hold hold) {
      this.hold = hold;
      return this;
    }

    public Builder backoff(long secondsLeft) {
      this.backoffSeconds = secondsLeft;
      return this;
    }

    public Builder death(Death death) {
      this.death = death;
      return this;
    }

    public Builder logLinesDropped(long lines) {
      this.logLinesDropped = lines;
      return this;
    }

    public GatewayStatus build() {
      // A running process is never held, and its pid is only meaningful while it runs.
      return new GatewayStatus(
          profile,
          registered,
          up,
          up && ready,
          reportsReadiness,
          wantUp,
          normallyUp,
          up ? pid : -1,
          sinceSeconds,
          up ? -1 : exitCode,
          up ? null : signal,
          restarts,
          up ? null : hold,
          up ? -1 : backoffSeconds,
          death,
          up ? logLinesDropped : -1);
    }
  }
}

package dev.hermes.supervision;

import java.util.OptionalInt;

/**
 * What the supervisor says about one gateway.
 *
 * @param up the process is running
 * @param ready it signalled readiness (only meaningful when up)
 * @param wantUp the supervisor will (re)start it when it is down
 * @param normallyUp it starts when the supervisor starts (no {@code down} file)
 * @param pid the process id, or -1 when down
 * @param sinceSeconds seconds since it last went up or down, or -1 when unknown
 * @param exitCode exit code of the last run, or -1 when up, killed by a signal, or unknown
 * @param signal name of the signal that killed the last run, or null
 * @param restarts how many times it has exited since it was registered, or -1 when unknown
 * @param failure why the supervisor holds it down (crash loop, fatal configuration), or null
 */
public record GatewayStatus(
    String profile,
    boolean registered,
    boolean up,
    boolean ready,
    boolean wantUp,
    boolean normallyUp,
    int pid,
    long sinceSeconds,
    int exitCode,
    String signal,
    int restarts,
    String failure) {

  public static GatewayStatus notRegistered(String profile) {
    return new GatewayStatus(
        profile, false, false, false, false, false, -1, -1, -1, null, -1, null);
  }

  public OptionalInt pidIfUp() {
    return up && pid > 0 ? OptionalInt.of(pid) : OptionalInt.empty();
  }

  /**
   * One word for tables: not-registered, ready, starting, crash-loop (held down after repeated
   * crashes), failed (held down for another reason, such as a fatal configuration), down.
   */
  public String actual() {
    if (!registered) {
      return "not-registered";
    }
    if (up) {
      return ready ? "ready" : "starting";
    }
    if (failure != null) {
      return failure.startsWith("crash loop") ? "crash-loop" : "failed";
    }
    return "down";
  }
}

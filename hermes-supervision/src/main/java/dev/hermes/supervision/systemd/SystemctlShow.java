package dev.hermes.supervision.systemd;

import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.HostUnits;
import dev.hermes.supervision.KeyValueLines;
import java.util.Map;

/**
 * Reads {@code systemctl show --property=...} output: one {@code Key=value} line per property, the
 * machine-readable form (never the human {@code systemctl status} text).
 */
final class SystemctlShow {
  /** The properties asked for, in the order systemctl is given them. */
  static final String PROPERTIES =
      "ActiveState,SubState,MainPID,NRestarts,ExecMainStatus,ExecMainCode,Result,UnitFileState";

  /** {@code ExecMainCode} values (siginfo's si_code): how the last main process ended. */
  private static final int CLD_EXITED = 1;

  private SystemctlShow() {}

  /**
   * The status of an installed unit. systemd has no readiness protocol for a {@code Type=simple}
   * service, so a running gateway counts as ready; its {@code /health} endpoint is the authority.
   */
  static GatewayStatus parse(String profile, String output) {
    Map<String, String> p = KeyValueLines.parse(output, '=');
    String active = p.getOrDefault("ActiveState", "");
    int mainPid = HostUnits.number(p.get("MainPID"));
    boolean up =
        mainPid > 0
            && (active.equals("active")
                || active.equals("reloading")
                || active.equals("deactivating"));
    // "activating" covers the auto-restart wait: systemd still means to bring it back.
    boolean wantUp =
        active.equals("active") || active.equals("activating") || active.equals("reloading");
    boolean normallyUp = p.getOrDefault("UnitFileState", "").startsWith("enabled");
    int status = HostUnits.number(p.get("ExecMainStatus"));
    boolean ranBefore = HostUnits.number(p.get("ExecMainCode")) > 0;
    boolean exited = HostUnits.number(p.get("ExecMainCode")) == CLD_EXITED;
    int exitCode = !up && exited ? status : -1;
    String signal = !up && ranBefore && !exited && status > 0 ? HostUnits.signalName(status) : null;
    GatewayStatus.Builder result =
        GatewayStatus.builder(profile)
            .noReadinessSignal()
            .normallyUp(normallyUp)
            .exitCode(exitCode)
            .signal(signal)
            .restarts(HostUnits.number(p.get("NRestarts")));
    if (up) {
      result.up(mainPid);
    }
    if (!up && p.getOrDefault("SubState", "").equals("auto-restart")) {
      // systemd waits RestartSec before the next start; it does not say how long is left.
      result.backoff(0);
    }
    return result
        .wantUp(wantUp)
        .hold(active.equals("failed") ? hold(p.getOrDefault("Result", ""), exitCode, signal) : null)
        .build();
  }

  private static Hold hold(String result, int exitCode, String signal) {
    if (exitCode == SystemdUnit.FATAL_CONFIG_EXIT) {
      return new Hold(
          HoldReason.FATAL_CONFIG,
          "fatal configuration (exit " + exitCode + "): systemd will not restart it");
    }
    if (result.equals("start-limit-hit")) {
      return new Hold(
          HoldReason.CRASH_LOOP, "crash loop: systemd stopped restarting it (start-limit-hit)");
    }
    String last = signal != null ? signal : "exit " + exitCode;
    return new Hold(
        HoldReason.SUPERVISOR_GAVE_UP,
        "systemd marked it failed (" + (result.isEmpty() ? "?" : result) + ", last: " + last + ")");
  }
}

package dev.hermes.supervision.launchd;

import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.HostUnits;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code launchctl print gui/UID/LABEL}. Apple calls that output unstable, so only a handful
 * of top-level {@code key = value} lines are used and anything unrecognised means "unknown". Nested
 * blocks ({@code arguments = {...}}, {@code environment = {...}}) are skipped: an environment
 * variable must not pass for the service's own {@code pid}.
 */
final class LaunchctlPrint {
  private LaunchctlPrint() {}

  /** The {@code key = value} lines directly inside the service's block. */
  static Map<String, String> topLevel(String output) {
    Map<String, String> values = new HashMap<>();
    int depth = 0;
    for (String raw : output.split("\n")) {
      String line = raw.trim();
      if (line.endsWith("{")) {
        depth++;
        continue;
      }
      if (line.startsWith("}")) {
        depth--;
        continue;
      }
      int eq = line.indexOf(" = ");
      if (depth == 1 && eq > 0) {
        values.putIfAbsent(line.substring(0, eq).trim(), line.substring(eq + 3).trim());
      }
    }
    return values;
  }

  /**
   * The status of a loaded agent. launchd has no readiness protocol here, so a running gateway
   * counts as ready; its {@code /health} endpoint is the authority.
   */
  static GatewayStatus parse(String profile, String output) {
    Map<String, String> v = topLevel(output);
    int pid = HostUnits.number(v.get("pid"));
    boolean up = "running".equals(v.get("state")) && pid > 0;
    int runs = HostUnits.number(v.get("runs"));
    int lastExit = HostUnits.number(v.get("last exit code"));
    String signal = up ? null : signal(v.get("last terminating signal"));
    GatewayStatus.Builder status =
        GatewayStatus.builder(profile)
            .noReadinessSignal()
            // SuccessfulExit implies RunAtLoad: every loaded agent starts at login.
            .normallyUp(true)
            .exitCode(up || signal != null ? -1 : lastExit)
            .signal(signal)
            .restarts(runs < 0 ? -1 : Math.max(0, up ? runs - 1 : runs));
    if (up) {
      status.up(pid);
    }
    return status.build();
  }

  /** {@code Terminated: 15} → SIGTERM. */
  private static String signal(String text) {
    if (text == null) {
      return null;
    }
    int colon = text.lastIndexOf(':');
    int number = HostUnits.number(colon < 0 ? text : text.substring(colon + 1).trim());
    if (number <= 0) {
      return null;
    }
    return HostUnits.signalName(number);
  }
}

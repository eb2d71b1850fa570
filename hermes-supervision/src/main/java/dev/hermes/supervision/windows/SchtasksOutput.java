package dev.hermes.supervision.windows;

import dev.hermes.core.ProfileNames;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.KeyValueLines;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads {@code schtasks /Query} output. The field labels and status words are the English ones; on
 * a Windows installed in another language they differ and status reports "unknown" (down).
 */
final class SchtasksOutput {
  /** SCHED_S_* "Last Result" codes (0x41300 to 0x41307): task states, not exit codes. */
  private static final int SCHED_S_FIRST = 0x41300;

  private static final int SCHED_S_LAST = 0x41307;

  private SchtasksOutput() {}

  /** Profiles from {@code schtasks /Query /FO CSV /NH}: tasks named {@code \hermes-gateway-P}. */
  static List<String> profiles(String csv) {
    TreeSet<String> names = new TreeSet<>();
    String prefix = TaskRunLine.taskName("");
    for (String line : csv.split("\n")) {
      String task = firstField(line.trim());
      if (task.startsWith("\\")) {
        task = task.substring(1);
      }
      // Only the root folder: \Some\Folder\hermes-gateway-x is not ours.
      if (task.startsWith(prefix) && task.indexOf('\\') < 0) {
        String profile = task.substring(prefix.length());
        if (ProfileNames.isValid(profile)) {
          names.add(profile);
        }
      }
    }
    return List.copyOf(names);
  }

  private static String firstField(String line) {
    if (!line.startsWith("\"")) {
      int comma = line.indexOf(',');
      return comma < 0 ? line : line.substring(0, comma);
    }
    StringBuilder field = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          break;
        }
      } else {
        field.append(c);
      }
    }
    return field.toString();
  }

  /**
   * Task Scheduler reports neither a pid nor readiness nor a restart count: a running task counts
   * as up and ready (its {@code /health} endpoint is the authority), pid and restarts are unknown.
   */
  static GatewayStatus parse(String profile, String list) {
    // The Label: value lines of /FO LIST /V.
    Map<String, String> f = KeyValueLines.parse(list, ':');
    boolean up = "Running".equalsIgnoreCase(f.getOrDefault("Status", ""));
    boolean enabled = "Enabled".equalsIgnoreCase(f.getOrDefault("Scheduled Task State", ""));
    int lastResult = number(f.get("Last Result"));
    boolean isExitCode =
        lastResult != Integer.MIN_VALUE
            && !(lastResult >= SCHED_S_FIRST && lastResult <= SCHED_S_LAST);
    GatewayStatus.Builder status =
        GatewayStatus.builder(profile)
            .noReadinessSignal()
            .normallyUp(enabled)
            .exitCode(!up && isExitCode ? lastResult : -1);
    if (up) {
      // Task Scheduler gives no pid.
      status.up(-1);
    }
    return status.build();
  }

  private static int number(String text) {
    if (text == null) {
      return Integer.MIN_VALUE;
    }
    try {
      return text.startsWith("0x")
          ? Integer.parseUnsignedInt(text.substring(2), 16)
          : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return Integer.MIN_VALUE;
    }
  }
}

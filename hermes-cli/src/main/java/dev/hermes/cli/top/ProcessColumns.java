package dev.hermes.cli.top;

import dev.hermes.core.ProcessUsage;
import dev.hermes.core.ProcessUsageReader;
import dev.hermes.supervision.GatewayOverview;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal view's {@code CPU%} and {@code MEM} cells: each running gateway's process read at
 * every refresh, its CPU share computed between this reading and the one before of the same
 * process. A gateway not running, a first reading, or a process {@code /proc} cannot show gives
 * {@code -}.
 */
final class ProcessColumns {
  static final List<String> UNKNOWN = List.of("-", "-");

  /** The last reading of a profile's process, and which process it was. */
  private record Reading(int pid, ProcessUsage usage) {}

  private final ProcessUsageReader reader;
  private Map<String, Reading> last = new HashMap<>();
  private Map<String, List<String>> cells = new HashMap<>();

  ProcessColumns(ProcessUsageReader reader) {
    this.reader = reader;
  }

  /** Reads every running gateway's process; the cells then stay as they are until the next. */
  void sample(List<GatewayOverview> rows) {
    Map<String, Reading> readings = new HashMap<>();
    Map<String, List<String>> next = new HashMap<>();
    for (GatewayOverview row : rows) {
      if (!row.up() || row.pid() <= 0) {
        continue;
      }
      ProcessUsage usage = reader.read(row.pid()).orElse(null);
      if (usage == null) {
        continue;
      }
      readings.put(row.profile(), new Reading(row.pid(), usage));
      Reading before = last.get(row.profile());
      double percent =
          before != null && before.pid() == row.pid() ? usage.cpuPercentSince(before.usage()) : -1;
      next.put(row.profile(), List.of(percent(percent), memory(usage.rssBytes())));
    }
    last = readings;
    cells = next;
  }

  /**
   * Profile to its two cells, from the last {@link #sample}; a profile not in it shows {@link
   * #UNKNOWN}.
   */
  Map<String, List<String>> cells() {
    return cells;
  }

  /** One decimal: {@code 0.3}, {@code 104.0}; {@code -} when there is no interval yet. */
  static String percent(double percent) {
    return percent < 0 ? "-" : String.format(Locale.ROOT, "%.1f", percent);
  }

  /** Binary units, as top and ps: {@code 812K}, {@code 185M}, {@code 1.4G}. */
  static String memory(long bytes) {
    if (bytes < 0) {
      return "-";
    }
    long kib = bytes / 1024;
    if (kib < 1024) {
      return kib + "K";
    }
    long mib = kib / 1024;
    if (mib < 1024) {
      return mib + "M";
    }
    return String.format(Locale.ROOT, "%.1fG", mib / 1024.0);
  }
}

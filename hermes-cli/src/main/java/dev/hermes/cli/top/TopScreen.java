package dev.hermes.cli.top;

import dev.hermes.supervision.GatewayOverview;
import java.util.List;
import java.util.Map;

/**
 * Everything one frame of the terminal view shows, as plain data, so {@link TopRenderer} can turn
 * it into lines without a terminal.
 *
 * @param selected index into {@code rows}; 0 when there are none
 * @param status the result of the last action or refresh, or null
 * @param log the log pane when open, else null (the table is shown)
 * @param usage profile to its {@code CPU%} and {@code MEM} cells; a profile not in it shows {@code
 *     -} in both
 */
public record TopScreen(
    List<GatewayOverview> rows,
    int selected,
    Status status,
    LogPane log,
    Map<String, List<String>> usage) {

  /** A frame without CPU or memory readings. */
  public TopScreen(List<GatewayOverview> rows, int selected, Status status, LogPane log) {
    this(rows, selected, status, log, Map.of());
  }

  /** One line under the table: what the last action did, or why it failed. */
  public record Status(String text, boolean error) {
    static Status ok(String text) {
      return new Status(text, false);
    }

    static Status error(String text) {
      return new Status(text, true);
    }
  }

  /**
   * The last lines of one gateway's log.
   *
   * @param note why there are no lines (no log yet, unreadable), or null
   */
  public record LogPane(String profile, String file, List<String> lines, String note) {}

  public GatewayOverview selectedRow() {
    return rows.isEmpty() ? null : rows.get(selected);
  }
}

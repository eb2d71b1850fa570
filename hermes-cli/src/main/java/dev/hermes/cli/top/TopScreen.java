package dev.hermes.cli.top;

import dev.hermes.supervision.GatewayOverview;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one frame of the terminal view shows, as plain data, so {@link TopRenderer} can turn
 * it into lines without a terminal.
 *
 * @param selected index into {@code rows}; 0 when there are none
 * @param status the result of the last action or refresh, or null
 * @param pane the log or history pane when open, else null (the table is shown)
 * @param usage profile to its {@code CPU%} and {@code MEM} cells; a profile not in it shows {@code
 *     -} in both
 * @param now the time of the frame, for how long ago the last death was
 */
public record TopScreen(
    List<GatewayOverview> rows,
    int selected,
    Status status,
    Pane pane,
    Map<String, List<String>> usage,
    Instant now) {

  /** A frame without CPU or memory readings, at the epoch. */
  public TopScreen(List<GatewayOverview> rows, int selected, Status status, Pane pane) {
    this(rows, selected, status, pane, Map.of(), Instant.EPOCH);
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

  /** What a pane shows of the selected gateway instead of the table. */
  public enum PaneKind {
    /** The last lines of its log ({@code l}). */
    LOG("log", "(the log is empty)"),
    /** Its audit trail, as {@code gateway history} prints it ({@code h}). */
    HISTORY("history", "(no lifecycle events recorded yet)");

    private final String word;
    private final String empty;

    PaneKind(String word, String empty) {
      this.word = word;
      this.empty = empty;
    }

    public String word() {
      return word;
    }

    /** What the pane says when there is nothing to show. */
    public String empty() {
      return empty;
    }
  }

  /**
   * The last lines of one gateway's log or history.
   *
   * @param file the file they come from
   * @param note why there are no lines (no log yet, unreadable), or null
   */
  public record Pane(PaneKind kind, String profile, String file, List<String> lines, String note) {}

  public GatewayOverview selectedRow() {
    return rows.isEmpty() ? null : rows.get(selected);
  }
}

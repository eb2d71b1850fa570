package dev.hermes.cli.top;

import dev.hermes.cli.GatewayColumns;
import dev.hermes.cli.Uptime;
import dev.hermes.cli.top.ScreenLine.Style;
import dev.hermes.core.state.ActualState;
import dev.hermes.core.state.Death;
import dev.hermes.supervision.GatewayOverview;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link TopScreen} into exactly {@code height} lines of at most {@code width} characters.
 * Pure: no terminal, no clock, so every layout rule is tested with fixed sizes.
 *
 * <p>Table layout: a title, the column header (the columns of {@code gateway status} with {@code
 * CPU%} and {@code MEM} after {@code UPTIME}), the gateways (scrolled so the selected one is
 * visible), blank filler, the selected gateway's last death, the status line, and the key help
 * naming the selected gateway. Pane layout (log, history): a title, the last lines that fit, and
 * the key help.
 */
public final class TopRenderer {
  /** Title, header, last death, status and help. */
  private static final int TABLE_CHROME = 5;

  /** Title and help. */
  private static final int LOG_CHROME = 2;

  private static final int TAB = 8;

  private TopRenderer() {}

  public static List<ScreenLine> render(TopScreen screen, int width, int height) {
    List<ScreenLine> lines =
        screen.pane() == null ? table(screen, width, height) : pane(screen.pane(), width, height);
    return lines.subList(0, Math.min(lines.size(), Math.max(height, 0)));
  }

  /** How many gateway rows fit on a screen of this height. */
  public static int bodyHeight(int height) {
    return Math.max(1, height - TABLE_CHROME);
  }

  private static List<ScreenLine> table(TopScreen screen, int width, int height) {
    List<GatewayOverview> rows = screen.rows();
    List<String> table =
        GatewayColumns.lines(
            rows, r -> screen.usage().getOrDefault(r.profile(), ProcessColumns.UNKNOWN));
    int body = bodyHeight(height);
    int first = Math.max(0, screen.selected() - body + 1);
    int last = Math.min(rows.size(), first + body);

    List<ScreenLine> lines = new ArrayList<>(height);
    lines.add(line(title(rows, first, last), Style.TITLE, width));
    lines.add(line(table.get(0), Style.HEADER, width));
    if (rows.isEmpty()) {
      lines.add(line("(no profiles)", Style.ROW, width));
    }
    for (int i = first; i < last; i++) {
      lines.add(line(table.get(i + 1), rowStyle(rows.get(i), i == screen.selected()), width));
    }
    while (lines.size() < height - 3) {
      lines.add(line("", Style.ROW, width));
    }
    lines.add(death(screen.selectedRow(), screen.now(), width));
    TopScreen.Status status = screen.status();
    lines.add(
        status == null
            ? line("", Style.MESSAGE, width)
            : line(status.text(), status.error() ? Style.ERROR : Style.MESSAGE, width));
    lines.add(line(help(screen.selectedRow()), Style.HELP, width));
    return lines;
  }

  private static String title(List<GatewayOverview> rows, int first, int last) {
    long up = rows.stream().filter(GatewayOverview::up).count();
    long failing = rows.stream().filter(TopRenderer::failing).count();
    StringBuilder title =
        new StringBuilder("hermes gateway top · ")
            .append(rows.size())
            .append(" gateway(s), ")
            .append(up)
            .append(" up");
    if (failing > 0) {
      title.append(", ").append(failing).append(" failing");
    }
    if (first > 0 || last < rows.size()) {
      title.append(" · rows ").append(first + 1).append('-').append(last);
    }
    return title.toString();
  }

  private static String help(GatewayOverview selected) {
    String keys = "s start  x stop  r restart  l log  h history  ↑↓/jk select  q quit";
    return selected == null ? "q quit" : "gateway-" + selected.profile() + ": " + keys;
  }

  /**
   * How the selected gateway's last process ended, with the cause, and when: also while its next
   * run is up, when the table's LAST EXIT no longer says it. An unclean end is shown as an error.
   */
  private static ScreenLine death(GatewayOverview selected, Instant now, int width) {
    if (selected == null) {
      return line("", Style.MESSAGE, width);
    }
    Death death = selected.lastDeath();
    if (death == null) {
      return line("last death: none recorded", Style.MESSAGE, width);
    }
    long ago = now.getEpochSecond() - death.epochSecond();
    String text =
        "last death: "
            + death.cause().code()
            + " ("
            + death.detail()
            + "), "
            + (ago < 0 ? "just now" : Uptime.format(ago) + " ago")
            + " at "
            + Instant.ofEpochSecond(death.epochSecond());
    return line(text, death.cause().unclean() ? Style.ERROR : Style.MESSAGE, width);
  }

  static boolean failing(GatewayOverview row) {
    return row.actual().held() || row.actual() == ActualState.UNKNOWN;
  }

  private static Style rowStyle(GatewayOverview row, boolean selected) {
    if (failing(row)) {
      return selected ? Style.SELECTED_FAILED : Style.FAILED;
    }
    return selected ? Style.SELECTED : Style.ROW;
  }

  private static List<ScreenLine> pane(TopScreen.Pane pane, int width, int height) {
    List<ScreenLine> lines = new ArrayList<>(height);
    lines.add(
        line(
            pane.kind().word() + " of gateway-" + pane.profile() + ": " + pane.file(),
            Style.TITLE,
            width));
    int body = Math.max(1, height - LOG_CHROME);
    if (pane.note() != null) {
      lines.add(line(pane.note(), Style.LOG, width));
    } else if (pane.lines().isEmpty()) {
      lines.add(line(pane.kind().empty(), Style.LOG, width));
    }
    // Long lines wrap rather than being cut: a YAML error or a stack line must be readable whole.
    List<String> wrapped = new ArrayList<>();
    for (String text : pane.lines()) {
      wrapped.addAll(wrap(printable(text), width));
    }
    for (String text : wrapped.subList(Math.max(0, wrapped.size() - body), wrapped.size())) {
      lines.add(line(text, Style.LOG, width));
    }
    while (lines.size() < height - 1) {
      lines.add(line("", Style.LOG, width));
    }
    lines.add(line("any key: back to the table  ·  Ctrl-C quit", Style.HELP, width));
    return lines;
  }

  /** The text cut into pieces of at most {@code width} code points; an empty line stays one. */
  static List<String> wrap(String text, int width) {
    if (width <= 0) {
      return List.of("");
    }
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end =
          text.offsetByCodePoints(
              start, Math.min(width, text.codePointCount(start, text.length())));
      pieces.add(text.substring(start, end));
      start = end;
    }
    return pieces.isEmpty() ? List.of("") : pieces;
  }

  /**
   * Control characters become visible stand-ins (a log line must never move the cursor or switch
   * the terminal's modes), tabs become spaces, and a line wider than the screen is cut with an
   * ellipsis. Bars (header, selection) are padded to the full width.
   */
  static ScreenLine line(String text, Style style, int width) {
    String clean = printable(text);
    String fitted;
    if (width <= 0) {
      fitted = "";
    } else if (clean.codePointCount(0, clean.length()) > width) {
      fitted = clean.substring(0, clean.offsetByCodePoints(0, width - 1)) + "…";
    } else {
      fitted = clean;
    }
    if (style == Style.HEADER || style == Style.SELECTED || style == Style.SELECTED_FAILED) {
      int pad = width - fitted.codePointCount(0, fitted.length());
      fitted = fitted + " ".repeat(Math.max(pad, 0));
    }
    return new ScreenLine(fitted, style);
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t') {
        out.append(" ".repeat(TAB - out.length() % TAB));
      } else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
        out.append('?');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

package dev.hermes.cli.top;

import dev.hermes.cli.CliContext;
import dev.hermes.cli.GatewayColumns;
import dev.hermes.supervision.GatewayBoard;
import dev.hermes.supervision.GatewayOverview;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code hermes gateway top} and {@code hermes --tui}: the live full-screen table on a terminal,
 * the table printed once anywhere else (a pipe, a file, {@code TERM=dumb}).
 *
 * <p>This class names no JLine type, so the class loader meets JLine only once {@link TerminalTop}
 * actually runs: printing the table once, or any other command, never loads it.
 */
public final class TopView {
  private TopView() {}

  public static void show(CliContext context, PrintWriter out) {
    GatewayBoard board = board(context);
    // Read once before touching the terminal: an error (no service manager, unreadable
    // HERMES_HOME) is then one plain line on stderr, not a flash of an empty screen.
    List<GatewayOverview> rows = board.rows();
    if (!Tty.interactive(context.env())) {
      GatewayColumns.print(rows, out);
      return;
    }
    out.flush();
    TerminalTop.runOnSystemTerminal(new TopController(board, rows));
  }

  /**
   * The view's board: every refresh asks the supervisor afresh, and the service manager is resolved
   * at the first read, like any other command's.
   */
  public static GatewayBoard board(CliContext context) {
    return GatewayBoard.direct(context.home(), context::gateways);
  }
}

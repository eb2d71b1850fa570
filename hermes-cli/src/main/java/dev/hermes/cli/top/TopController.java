package dev.hermes.cli.top;

import dev.hermes.core.LogTail;
import dev.hermes.core.ProcessUsageReader;
import dev.hermes.core.audit.Actor;
import dev.hermes.supervision.GatewayAction;
import dev.hermes.supervision.GatewayBoard;
import dev.hermes.supervision.GatewayOutcome;
import dev.hermes.supervision.GatewayOverview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The state of the terminal view and what each key does to it. No terminal here: the loop feeds it
 * keys and refresh ticks and draws {@link #screen()}. Nothing that goes wrong in a refresh or an
 * action escapes: it becomes the status line, so the view never dies with a stack trace.
 */
public final class TopController {
  /** More than any screen shows; the renderer keeps the last ones that fit. */
  static final int LOG_LINES = 500;

  private final GatewayBoard board;
  private final ProcessColumns processes;
  private List<GatewayOverview> rows;
  private int selected;
  private int pageSize = 10;
  private TopScreen.Status status;
  private TopScreen.LogPane log;

  public TopController(GatewayBoard board, List<GatewayOverview> rows) {
    this(board, rows, ProcessUsageReader.system());
  }

  /**
   * @param processes where each running gateway's CPU and memory are read, at every refresh
   */
  public TopController(
      GatewayBoard board, List<GatewayOverview> rows, ProcessUsageReader processes) {
    this.board = board;
    this.processes = new ProcessColumns(processes);
    this.rows = List.copyOf(rows);
    this.processes.sample(this.rows);
  }

  public TopScreen screen() {
    return new TopScreen(rows, selected, status, log, processes.cells());
  }

  /** Rows moved by Page Up and Page Down: the number visible. */
  public void pageSize(int rows) {
    this.pageSize = Math.max(1, rows);
  }

  /** Rereads every gateway (and the open log); the selection stays on the same profile. */
  public void refresh() {
    String current = selectedProfile();
    try {
      rows = board.rows();
      processes.sample(rows);
    } catch (RuntimeException e) {
      status = TopScreen.Status.error("✗ Could not refresh: " + message(e));
    }
    int index = current == null ? -1 : indexOf(current);
    select(index >= 0 ? index : selected);
    if (log != null) {
      loadLog(log.profile());
    }
  }

  /**
   * Applies one key.
   *
   * @return false when the view should close
   */
  public boolean handle(Key key) {
    if (key == Key.INTERRUPT) {
      return false;
    }
    if (log != null) {
      log = null; // any key leaves the log
      return true;
    }
    switch (key) {
      case UP -> select(selected - 1);
      case DOWN -> select(selected + 1);
      case PAGE_UP -> select(selected - pageSize);
      case PAGE_DOWN -> select(selected + pageSize);
      case HOME -> select(0);
      case END -> select(rows.size() - 1);
      case START -> act(GatewayAction.START);
      case STOP -> act(GatewayAction.STOP);
      case RESTART -> act(GatewayAction.RESTART);
      case LOG -> openLog();
      case QUIT -> {
        return false;
      }
      default -> {
        // other keys do nothing
      }
    }
    return true;
  }

  private void act(GatewayAction action, String profile) {
    try {
      GatewayOutcome outcome =
          board.apply(action, profile, Actor.TERMINAL_VIEW, "hermes gateway top");
      status =
          outcome.ok()
              ? TopScreen.Status.ok(outcome.line())
              : TopScreen.Status.error(outcome.line());
    } catch (RuntimeException e) {
      status =
          TopScreen.Status.error(
              "✗ Could not " + action.verb() + " gateway-" + profile + ": " + message(e));
    }
    refresh();
  }

  private void act(GatewayAction action) {
    String profile = selectedProfile();
    if (profile == null) {
      status = TopScreen.Status.error("✗ No gateway to " + action.verb());
      return;
    }
    act(action, profile);
  }

  private void openLog() {
    String profile = selectedProfile();
    if (profile != null) {
      loadLog(profile);
    }
  }

  private void loadLog(String profile) {
    Path file = board.logFile(profile);
    List<String> lines = List.of();
    String note = null;
    try {
      if (Files.exists(file)) {
        lines = LogTail.last(file, LOG_LINES);
      } else {
        note = "(no log yet)";
      }
    } catch (NoSuchFileException e) {
      note = "(no log yet)"; // rotated away between the check and the read
    } catch (IOException | RuntimeException e) {
      note = "(cannot read the log: " + message(e) + ")";
    }
    log = new TopScreen.LogPane(profile, file.toString(), lines, note);
  }

  private void select(int index) {
    selected = rows.isEmpty() ? 0 : Math.max(0, Math.min(index, rows.size() - 1));
  }

  private String selectedProfile() {
    return rows.isEmpty() ? null : rows.get(selected).profile();
  }

  private int indexOf(String profile) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).profile().equals(profile)) {
        return i;
      }
    }
    return -1;
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}

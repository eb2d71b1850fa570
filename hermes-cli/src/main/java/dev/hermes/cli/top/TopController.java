package dev.hermes.cli.top;

import dev.hermes.cli.HistoryTable;
import dev.hermes.core.LogTail;
import dev.hermes.core.ProcessUsageReader;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditEvent;
import dev.hermes.core.audit.AuditLog;
import dev.hermes.supervision.GatewayAction;
import dev.hermes.supervision.GatewayBoard;
import dev.hermes.supervision.GatewayOutcome;
import dev.hermes.supervision.GatewayOverview;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
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
  private final Clock clock;
  private TopScreen.Pane pane;
  // The audit file's modification time and size when the open history pane was read.
  private final long[] historyStamp = new long[2];

  public TopController(GatewayBoard board, List<GatewayOverview> rows) {
    this(board, rows, ProcessUsageReader.system(), Clock.systemUTC());
  }

  /**
   * @param processes where each running gateway's CPU and memory are read, at every refresh
   * @param clock the time of each frame
   */
  public TopController(
      GatewayBoard board, List<GatewayOverview> rows, ProcessUsageReader processes, Clock clock) {
    this.board = board;
    this.clock = clock;
    this.processes = new ProcessColumns(processes);
    this.rows = List.copyOf(rows);
    this.processes.sample(this.rows);
  }

  public TopScreen screen() {
    return new TopScreen(rows, selected, status, pane, processes.cells(), clock.instant());
  }

  /** Rows moved by Page Up and Page Down: the number visible. */
  public void pageSize(int rows) {
    this.pageSize = Math.max(1, rows);
  }

  /** Rereads every gateway (and the open pane); the selection stays on the same profile. */
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
    if (pane != null) {
      open(pane.kind(), pane.profile());
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
    if (pane != null) {
      pane = null; // any key leaves the pane
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
      case LOG -> open(TopScreen.PaneKind.LOG);
      case HISTORY -> open(TopScreen.PaneKind.HISTORY);
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

  private void open(TopScreen.PaneKind kind) {
    String profile = selectedProfile();
    if (profile != null) {
      open(kind, profile);
    }
  }

  private void open(TopScreen.PaneKind kind, String profile) {
    pane = kind == TopScreen.PaneKind.LOG ? logPane(profile) : historyPane(profile);
  }

  private TopScreen.Pane logPane(String profile) {
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
    return new TopScreen.Pane(TopScreen.PaneKind.LOG, profile, file.toString(), lines, note);
  }

  /**
   * The profile's audit trail, the newest events that fit last, as {@code gateway history}. Read
   * again only when the audit file changed (every line grows it, a rotation starts a new one): a
   * read parses the file and its rotated copies, megabytes, and the pane refreshes every second.
   */
  private TopScreen.Pane historyPane(String profile) {
    String file = "";
    List<String> lines = List.of();
    String note = null;
    try {
      AuditLog audit = board.audit();
      file = audit.file().toString();
      File current = audit.file().toFile();
      long modified = current.lastModified();
      long size = current.length();
      if (pane != null
          && pane.kind() == TopScreen.PaneKind.HISTORY
          && pane.profile().equals(profile)
          && pane.note() == null
          && historyStamp[0] == modified
          && historyStamp[1] == size) {
        return pane;
      }
      historyStamp[0] = modified;
      historyStamp[1] = size;
      List<AuditEvent> events = audit.read(profile);
      if (!events.isEmpty()) {
        lines =
            HistoryTable.lines(
                events.subList(Math.max(0, events.size() - LOG_LINES), events.size()));
      }
    } catch (RuntimeException e) {
      note = "(cannot read the history: " + message(e) + ")";
    }
    return new TopScreen.Pane(TopScreen.PaneKind.HISTORY, profile, file, lines, note);
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

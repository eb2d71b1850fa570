package dev.hermes.cli;

import dev.hermes.core.EventLog;
import dev.hermes.core.audit.AuditEvent;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Audit events as the table {@code gateway history} prints and the terminal view's history pane
 * shows: one row per event, oldest first, free text on one line.
 */
public final class HistoryTable {
  private HistoryTable() {}

  /** The header line, then one line per event. */
  public static List<String> lines(List<AuditEvent> events) {
    Table table = new Table("TIME", "PROFILE", "ACTION", "ACTOR", "USER", "REASON", "RESULT");
    for (AuditEvent e : events) {
      table.add(
          e.time().truncatedTo(ChronoUnit.SECONDS).toString(),
          e.profile(),
          e.action().word(),
          e.actor().describe(),
          e.user(),
          cell(e.reason()),
          cell(e.result()));
    }
    return table.lines();
  }

  /** A free-text field as one cell: on one line, a dash when empty. */
  private static String cell(String text) {
    String line = EventLog.oneLine(text);
    return line.isEmpty() ? "-" : line;
  }
}

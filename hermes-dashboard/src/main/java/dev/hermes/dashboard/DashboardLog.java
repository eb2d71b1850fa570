package dev.hermes.dashboard;

import dev.hermes.core.EventLog;
import java.io.OutputStream;

/**
 * One line per event, {@code dashboard[pid N]: level: message}, for the supervisor's logger. Never
 * given a password; the only secret it ever prints is a newly created login token, once. Never
 * blocks a caller (see {@link EventLog}): the page keeps answering while the log pipe is full.
 */
public final class DashboardLog implements AutoCloseable {
  private final EventLog log;

  public DashboardLog(long pid, OutputStream out) {
    this.log = EventLog.to(out, "dashboard[pid " + pid + "]: ", "dashboard-log");
  }

  public void info(String message) {
    log.info(message);
  }

  public void warning(String message) {
    log.warning(message);
  }

  public void error(String message) {
    log.error(message);
  }

  /** Lines lost because the log could not take them (reported as {@code log_lines_dropped}). */
  public long linesDropped() {
    return log.linesDropped();
  }

  /** Writes what is still queued, bounded by {@link EventLog#CLOSE_BOUND}. */
  @Override
  public void close() {
    log.close();
  }
}

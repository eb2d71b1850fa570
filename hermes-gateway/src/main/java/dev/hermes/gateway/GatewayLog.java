package dev.hermes.gateway;

import dev.hermes.core.DropCountFile;
import dev.hermes.core.EventLog;
import java.io.OutputStream;
import java.util.Map;

/**
 * One line per event, each naming the profile and pid, so the supervisor's logger (which only sees
 * a stream) keeps lines attributable: {@code gateway[coder pid 1234]: info: listening on
 * 127.0.0.1:8643}. Never blocks a caller (see {@link EventLog}): a request thread that logs while
 * the log pipe is full drops the line instead of hanging.
 */
final class GatewayLog implements AutoCloseable {
  private final EventLog log;
  private DropCountFile dropCount;

  GatewayLog(String profile, long pid, OutputStream out) {
    this.log = EventLog.to(out, "gateway[" + profile + " pid " + pid + "]: ", "gateway-log");
  }

  void info(String message) {
    log.info(message);
  }

  void warning(String message) {
    log.warning(message);
  }

  void error(String message) {
    log.error(message);
  }

  /**
   * Keeps the count of lost lines in the file {@value DropCountFile#VARIABLE} names as well (the
   * slot's {@code hermes-log-dropped}, read by status and {@code /metrics}); nothing when unset.
   */
  void keepDropCount(Map<String, String> environment) {
    DropCountFile.open(environment, this::warning)
        .ifPresent(
            file -> {
              dropCount = file;
              log.countDropsIn(file);
            });
  }

  /** Lines lost because the log could not take them (reported as {@code log_lines_dropped}). */
  long linesDropped() {
    return log.linesDropped();
  }

  /** Collapses line breaks: a multi-line message would break the one-line-per-event contract. */
  static String oneLine(String message) {
    return EventLog.oneLine(message);
  }

  /** Writes what is still queued, bounded by {@link EventLog#CLOSE_BOUND}. */
  @Override
  public void close() {
    log.close();
    if (dropCount != null) {
      dropCount.close();
    }
  }
}

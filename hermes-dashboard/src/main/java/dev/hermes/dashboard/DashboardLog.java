package dev.hermes.dashboard;

import java.io.PrintWriter;

/**
 * One line per event, {@code dashboard[pid N]: level: message}, for the supervisor's logger. Never
 * given a password; the only secret it ever prints is a newly created login token, once.
 */
public final class DashboardLog {
  private final String prefix;
  private final PrintWriter out;

  public DashboardLog(long pid, PrintWriter out) {
    this.prefix = "dashboard[pid " + pid + "]: ";
    this.out = out;
  }

  public void info(String message) {
    line("info", message);
  }

  public void warning(String message) {
    line("warning", message);
  }

  public void error(String message) {
    line("error", message);
  }

  private void line(String level, String message) {
    String text = message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    out.println(prefix + level + ": " + text);
    out.flush();
  }
}

package dev.hermes.gateway;

import java.io.PrintStream;

/**
 * One line per event, each naming the profile and pid, so the supervisor's logger (which only sees
 * a stream) keeps lines attributable: {@code gateway[coder pid 1234]: info: listening on
 * 127.0.0.1:8643}.
 */
final class GatewayLog {
  private final String prefix;
  private final PrintStream out;

  GatewayLog(String profile, long pid, PrintStream out) {
    this.prefix = "gateway[" + profile + " pid " + pid + "]: ";
    this.out = out;
  }

  void info(String message) {
    line("info", message);
  }

  void warning(String message) {
    line("warning", message);
  }

  void error(String message) {
    line("error", message);
  }

  /** Collapses line breaks: a multi-line message would break the one-line-per-event contract. */
  static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  private void line(String level, String message) {
    out.println(prefix + level + ": " + oneLine(message));
    out.flush();
  }
}

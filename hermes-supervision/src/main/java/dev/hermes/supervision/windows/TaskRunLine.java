package dev.hermes.supervision.windows;

import dev.hermes.supervision.SupervisionException;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the {@code /TR} value of the scheduled task. Task Scheduler has no per-task environment,
 * so the line goes through {@code cmd}, which sets the variables and then runs the gateway:
 *
 * <pre>
 * cmd /d /s /c "set "HERMES_HOME=C:\h"&amp;&amp; set "HERMES_SUPERVISED_CHILD=1"&amp;&amp; "C:\Program Files\hermes\hermes.cmd" gateway run --replace"
 * </pre>
 *
 * {@code /d} skips the user's cmd AutoRun, {@code /s} makes cmd strip exactly the outer quotes.
 * {@code set "NAME=value"} keeps {@code & ^ ( )} in a path literal and ends the value exactly at
 * the closing quote (no trailing space from before {@code &&}).
 */
final class TaskRunLine {
  /** schtasks rejects a longer {@code /TR} value. */
  static final int MAX_LENGTH = 261;

  private static final String CMD_SPECIAL = " \t&|<>^(),;=";

  private TaskRunLine() {}

  static String taskName(String profile) {
    return "hermes-gateway-" + profile;
  }

  static String build(Path home, List<String> command) {
    StringBuilder line = new StringBuilder("cmd /d /s /c \"");
    line.append("set \"HERMES_HOME=").append(checked(home.toString())).append("\"&& ");
    line.append("set \"HERMES_SUPERVISED_CHILD=1\"&& ");
    for (int i = 0; i < command.size(); i++) {
      line.append(i == 0 ? "" : " ").append(argument(command.get(i)));
    }
    line.append('"');
    if (line.length() > MAX_LENGTH) {
      throw new SupervisionException(
          "the scheduled task's command line is "
              + line.length()
              + " characters, schtasks accepts at most "
              + MAX_LENGTH
              + ": use a shorter HERMES_HOME or install path");
    }
    return line.toString();
  }

  /**
   * One word of the gateway command as both cmd and the program's argument parser read it: quoted
   * when it holds a space or a cmd special character, with backslashes before the closing quote
   * doubled so they stay backslashes.
   */
  static String argument(String value) {
    checked(value);
    boolean plain = !value.isEmpty();
    for (char c : value.toCharArray()) {
      if (CMD_SPECIAL.indexOf(c) >= 0) {
        plain = false;
      }
    }
    if (plain) {
      return value;
    }
    int trailing = 0;
    while (trailing < value.length() && value.charAt(value.length() - 1 - trailing) == '\\') {
      trailing++;
    }
    return "\"" + value + "\\".repeat(trailing) + "\"";
  }

  /**
   * The whole value as one argument on a Windows command line (the MSVCRT rules schtasks parses
   * with): quoted, inner quotes as {@code \"}, backslashes doubled where they precede a quote. Java
   * on Windows passes an argument that already starts and ends with a quote through unchanged;
   * without this, the quotes inside the line would split it.
   */
  static String commandLineArgument(String value) {
    StringBuilder out = new StringBuilder("\"");
    int backslashes = 0;
    for (char c : value.toCharArray()) {
      if (c == '\\') {
        backslashes++;
        continue;
      }
      if (c == '"') {
        out.append("\\".repeat(backslashes * 2 + 1)).append('"');
      } else {
        out.append("\\".repeat(backslashes)).append(c);
      }
      backslashes = 0;
    }
    return out.append("\\".repeat(backslashes * 2)).append('"').toString();
  }

  /**
   * cmd expands {@code %NAME%} even inside quotes and has no escape for it on a {@code /c} line;
   * Windows paths cannot hold quotes; a control character would end the line.
   */
  private static String checked(String value) {
    for (char c : value.toCharArray()) {
      if (c == '%' || c == '"' || Character.isISOControl(c)) {
        throw new SupervisionException(
            "cannot pass '"
                + value.replaceAll("\\p{Cntrl}", "?")
                + "' to a scheduled task: it holds %, a quote or a control character");
      }
    }
    return value;
  }
}

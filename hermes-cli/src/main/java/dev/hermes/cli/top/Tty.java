package dev.hermes.cli.top;

import java.io.Console;
import java.util.Map;

/**
 * Whether this process can run a full-screen view: stdin and stdout on a terminal that can draw.
 */
final class Tty {
  private Tty() {}

  static boolean interactive(Map<String, String> env) {
    String term = env.get("TERM");
    if (term == null || term.isBlank() || term.equals("dumb")) {
      return false;
    }
    // Java 17-21 return a console only when stdin and stdout are both terminals; from Java 22 a
    // console may exist regardless, and isTerminal() tells.
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}

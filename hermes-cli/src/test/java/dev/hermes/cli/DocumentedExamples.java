package dev.hermes.cli;

import dev.hermes.testing.DocsPages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples of docs/cli.md as the tests that run them read them: markers, commands, expected
 * lines, and how an expected line matches a printed one. {@link DocumentedExamplesTest} runs the
 * {@code <!-- check: … -->} ones in process; {@code DocumentedUpExamplesIT} the {@code <!--
 * check-up: … -->} ones against a real {@code hermes up}. The syntax is described in {@link
 * DocumentedExamplesTest}.
 */
public final class DocumentedExamples {
  /** An example checked in process, with a fake service manager. */
  public static final Pattern CHECK = Pattern.compile("^<!-- check:(.*)-->\\s*$");

  /** An example checked against a real {@code hermes up}. */
  public static final Pattern CHECK_UP = Pattern.compile("^<!-- check-up:(.*)-->\\s*$");

  private static final Pattern EXIT = Pattern.compile("^exit (\\d+)$");

  /** A checked example: where it is, how to set it up, and its commands. */
  public record Example(int line, Map<String, String> setup, List<Step> steps) {}

  /** One command of an example and what the page says it prints. */
  public record Step(
      int line, Map<String, String> env, List<String> args, List<String> out, int code) {}

  private DocumentedExamples() {}

  /** The value of a marker's {@code key=a,b}: its names, none when absent. */
  public static List<String> list(String value) {
    return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
  }

  /**
   * Every block of the page that shows a hermes command but carries no marker of any kind, as
   * {@code docs/cli.md:LINE: COMMAND}.
   */
  public static List<String> unchecked(List<String> lines) {
    List<String> unchecked = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```")
          && !lines.get(i).equals("```sh")
          && i + 1 < lines.size()
          && lines.get(i + 1).startsWith("$ ")
          && (i == 0 || !isMarker(lines.get(i - 1)))) {
        unchecked.add("docs/cli.md:" + (i + 1) + ": " + lines.get(i + 1));
      }
      if (lines.get(i).startsWith("```")) {
        // Skip to the end of the block.
        for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {}
      }
    }
    return unchecked;
  }

  private static boolean isMarker(String line) {
    return CHECK.matcher(line).matches() || CHECK_UP.matcher(line).matches();
  }

  public static boolean matchesAll(List<String> expected, List<String> actual, Path home) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!matches(expected.get(i), actual.get(i), home)) {
        return false;
      }
    }
    return true;
  }

  /** The expected lines in a row, anywhere among the printed ones. */
  public static boolean matchesPart(List<String> expected, List<String> actual, Path home) {
    for (int from = 0; from + expected.size() <= actual.size(); from++) {
      if (matchesAll(expected, actual.subList(from, from + expected.size()), home)) {
        return true;
      }
    }
    return false;
  }

  /** One expected line against one printed line: placeholders and runs of spaces allowed. */
  public static boolean matches(String expected, String actual, Path home) {
    String printed = squeeze(actual.replace(home.toString(), "~/.hermes"));
    StringBuilder regex = new StringBuilder();
    for (String part : squeeze(expected).split("…", -1)) {
      regex.append(regex.length() == 0 ? "" : ".*").append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(printed).matches();
  }

  private static String squeeze(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  public static List<String> lines(String text) {
    return text.lines().toList();
  }

  /** Reads the examples of a page: the fenced block after each marker of this kind. */
  public static List<Example> examples(List<String> lines, Pattern kind) {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = kind.matcher(lines.get(i));
      if (!marker.matches()) {
        continue;
      }
      int open = i + 1;
      if (open >= lines.size() || !lines.get(open).startsWith("```")) {
        throw new AssertionError("docs/cli.md:" + (i + 1) + ": a check marker without a block");
      }
      int close = open + 1;
      while (close < lines.size() && !lines.get(close).startsWith("```")) {
        close++;
      }
      examples.add(new Example(i + 1, setup(marker.group(1)), steps(lines, open + 1, close)));
      i = close;
    }
    return examples;
  }

  private static Map<String, String> setup(String text) {
    Map<String, String> setup = new LinkedHashMap<>();
    for (String word : text.trim().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new AssertionError("check marker: '" + word + "' is not key=value");
      }
      setup.put(word.substring(0, eq), word.substring(eq + 1));
    }
    return setup;
  }

  private static List<Step> steps(List<String> lines, int from, int to) {
    List<Step> steps = new ArrayList<>();
    int i = from;
    while (i < to) {
      String command = lines.get(i);
      if (!command.startsWith("$ ")) {
        throw new AssertionError("docs/cli.md:" + (i + 1) + ": expected '$ hermes …'");
      }
      int start = i;
      List<String> out = new ArrayList<>();
      for (i++; i < to && !lines.get(i).startsWith("$ "); i++) {
        out.add(lines.get(i));
      }
      int code = 0;
      if (!out.isEmpty()) {
        Matcher exit = EXIT.matcher(out.get(out.size() - 1));
        if (exit.matches()) {
          code = Integer.parseInt(exit.group(1));
          out.remove(out.size() - 1);
        }
      }
      List<String> words = words(command.substring(2));
      Map<String, String> env = new LinkedHashMap<>();
      while (!words.isEmpty() && words.get(0).matches("[A-Z_][A-Z0-9_]*=.*")) {
        String assignment = words.remove(0);
        int eq = assignment.indexOf('=');
        env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
      }
      if (words.isEmpty() || !words.get(0).equals("hermes")) {
        throw new AssertionError("docs/cli.md:" + (start + 1) + ": not a hermes command");
      }
      words.remove(0);
      steps.add(new Step(start + 1, env, List.copyOf(words), out, code));
    }
    return steps;
  }

  /** Splits a command line as sh does for plain words and single or double quotes. */
  public static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  public static List<String> cliReference() {
    return DocsPages.lines("cli.md");
  }
}

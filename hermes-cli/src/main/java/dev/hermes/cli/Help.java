package dev.hermes.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Renders a command's help: usage line, description, options, subcommands, footer. */
final class Help {
  private static final int WIDTH = 100;
  private static final int COLUMN = 28;

  private Help() {}

  /** {@code hermes gateway start}. */
  static String path(List<CommandSpec> path) {
    StringBuilder b = new StringBuilder();
    for (CommandSpec spec : path) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(spec.name());
    }
    return b.toString();
  }

  static void print(List<CommandSpec> path, PrintWriter out) {
    CommandSpec spec = path.get(path.size() - 1);
    out.println(usageLine(path));
    for (String paragraph : spec.description()) {
      wrap(paragraph, "", out);
    }
    out.println();
    out.println("Options:");
    List<Option<?>> options = new ArrayList<>(spec.options());
    for (Option<?> global : path.get(0).globalOptions()) {
      if (!options.contains(global)) {
        options.add(global);
      }
    }
    for (Option<?> option : options) {
      row(optionLabel(option), spec.helpOf(option), out);
    }
    row("-h, --help", "Show this help and exit.", out);
    row("-V, --version", "Print the version and exit.", out);
    for (ParamSpec param : spec.params()) {
      row(param.label(), param.description(), out);
    }
    if (!spec.subcommands().isEmpty()) {
      out.println();
      out.println("Commands:");
      for (Map.Entry<String, Supplier<CliCommand>> sub : spec.subcommands().entrySet()) {
        CommandSpec subSpec = sub.getValue().get().spec();
        if (!subSpec.isHidden()) {
          row(sub.getKey(), subSpec.summary(), out);
        }
      }
    }
    if (!spec.footer().isEmpty()) {
      out.println();
      for (String line : spec.footer()) {
        wrap(line, "", out);
      }
    }
    out.flush();
  }

  private static String usageLine(List<CommandSpec> path) {
    CommandSpec spec = path.get(path.size() - 1);
    StringBuilder b = new StringBuilder("Usage: ").append(path(path)).append(" [OPTIONS]");
    for (ParamSpec param : spec.params()) {
      b.append(' ').append(param.required() ? param.label() : "[" + param.label() + "]");
    }
    if (!spec.subcommands().isEmpty()) {
      b.append(" [COMMAND]");
    }
    return b.toString();
  }

  private static String optionLabel(Option<?> option) {
    String shortName = null;
    String longName = option.key();
    for (String name : option.names()) {
      if (!name.startsWith("--")) {
        shortName = name;
      }
    }
    String label =
        (shortName != null ? shortName + ", " : "    ")
            + longName
            + (option.takesValue() ? "=" + option.valueLabel() : "");
    return label;
  }

  /** A two-column row: the label, then the text wrapped in the second column. */
  private static void row(String label, String text, PrintWriter out) {
    String first = "  " + label;
    if (first.length() >= COLUMN) {
      out.println(first);
      wrap(text, " ".repeat(COLUMN), out);
      return;
    }
    List<String> lines = lines(text, WIDTH - COLUMN);
    for (int i = 0; i < lines.size(); i++) {
      String lead = i == 0 ? first + " ".repeat(COLUMN - first.length()) : " ".repeat(COLUMN);
      out.println(lead + lines.get(i));
    }
    if (lines.isEmpty()) {
      out.println(first);
    }
  }

  private static void wrap(String text, String indent, PrintWriter out) {
    for (String line : lines(text, WIDTH - indent.length())) {
      out.println(indent + line);
    }
  }

  private static List<String> lines(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}

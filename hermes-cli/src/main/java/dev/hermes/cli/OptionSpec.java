package dev.hermes.cli;

import java.util.List;

/**
 * One option: its names ({@code -q}, {@code --query}), and for options that take a value its label
 * and default. {@code global} options (only {@code -p/--profile}) are accepted before or after any
 * subcommand.
 */
public record OptionSpec(
    List<String> names,
    String paramLabel,
    String description,
    String defaultValue,
    boolean required,
    boolean global) {

  /** The key values are stored under: the longest name, e.g. {@code --query}. */
  public String key() {
    String longest = names.get(0);
    for (String name : names) {
      if (name.length() > longest.length()) {
        longest = name;
      }
    }
    return longest;
  }

  public boolean takesValue() {
    return paramLabel != null;
  }

  /** {@code --query=TEXT} or {@code --all}, as usage and errors show it. */
  public String synopsis() {
    return takesValue() ? key() + "=" + paramLabel : key();
  }
}

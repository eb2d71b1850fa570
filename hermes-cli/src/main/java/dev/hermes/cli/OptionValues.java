package dev.hermes.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of a parsed command line's options: every option the named command accepts (its own
 * and the global ones), each read as its type says, given or not.
 */
final class OptionValues {
  /** For a line that asks for help or the version: no command runs, nothing is read. */
  static final OptionValues NONE = new OptionValues(Map.of(), Set.of());

  private final Map<Option<?>, Object> values;
  private final Set<Option<?>> given;

  private OptionValues(Map<Option<?>, Object> values, Set<Option<?>> given) {
    this.values = values;
    this.given = given;
  }

  /**
   * Reads each option from the texts given for it, in this order: the first bad value is the error.
   *
   * @throws InvalidOptionValue for the first text that is not a value of its option's type
   */
  static OptionValues read(List<Option<?>> options, Map<Option<?>, List<String>> given) {
    Map<Option<?>, Object> values = new HashMap<>();
    Set<Option<?>> present = new HashSet<>();
    for (Option<?> option : options) {
      List<String> texts = given.getOrDefault(option, List.of());
      values.put(option, option.read(texts));
      if (!texts.isEmpty()) {
        present.add(option);
      }
    }
    return new OptionValues(Map.copyOf(values), Set.copyOf(present));
  }

  /**
   * Whether the line gave {@code option} at all: for a command whose default differs from the
   * option's own ({@code gateway history} without {@code -p} shows every profile).
   */
  boolean given(Option<?> option) {
    return given.contains(option);
  }

  /**
   * The value of {@code option}.
   *
   * @throws IllegalArgumentException when the command does not accept it: a command reads only the
   *     options its spec declares
   */
  <T> T get(Option<T> option) {
    Object value = values.get(option);
    if (value == null) {
      throw new IllegalArgumentException("not an option of this command: " + option.key());
    }
    @SuppressWarnings("unchecked") // put by read() from this very option's reader
    T typed = (T) value;
    return typed;
  }
}

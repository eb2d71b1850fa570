package dev.hermes.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One option of a command, typed by what the command reads from it: a flag reads as a Boolean, an
 * option with a value as an {@code Optional} of it, the value itself (with a default, or when
 * required), or a list of every value given (repeated). A command declares its options as
 * constants, adds them to its {@link CommandSpec} and reads them with {@link Invocation#get}.
 *
 * <p>The parser turns the text into values before the command runs, so a bad value is bad usage
 * with one error line, whatever the command. The help, "did you mean", shell completion and the
 * launch profiles read the same objects.
 *
 * <p>Built by the factories below ({@link #flag}, {@link #value}, {@link #text}), which write the
 * help's text and the reader; the components are what the parser, the help and completion read.
 *
 * @param names every name, short and long: {@code -q}, {@code --query}
 * @param valueLabel {@code TEXT} of {@code --query=TEXT}; null for a flag
 * @param help the help's text: the description, with the choices, the default or "repeatable"
 * @param choices the word of every value the option takes, when they are a fixed set; else empty
 * @param namesAProfile whether the value names an existing profile, which completion offers
 * @param reader how the texts given become what the command reads
 */
public record Option<T>(
    List<String> names,
    String valueLabel,
    String help,
    List<String> choices,
    boolean required,
    boolean namesAProfile,
    Reader<T> reader) {
  /**
   * How the texts given for an option, every occurrence in order (none when absent), become what is
   * read; {@code key} names the option in an error.
   */
  @FunctionalInterface
  public interface Reader<T> {
    T read(String key, List<String> given);
  }

  public Option {
    names = List.copyOf(names);
    choices = List.copyOf(choices);
  }

  /**
   * The same option only when it is the same constant: its reader is a lambda, so component-wise
   * equality would come to identity anyway, and the record's generated {@code equals}/{@code
   * hashCode} bootstraps method handles at the first map lookup, which costs every command's
   * start-up (measured by bench/cli-latency).
   */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** An on/off option such as {@code --all}: true when given. */
  public static Option<Boolean> flag(String names, String description) {
    return new Option<>(
        split(names), null, description, List.of(), false, false, (key, given) -> !given.isEmpty());
  }

  /**
   * An option with a value of {@code type}, e.g. {@code value("-t,--timeout", "SECONDS", "How
   * long.", ValueType.integer(1, 600))}; the builder says what is read when it is absent.
   */
  public static <V> Builder<V> value(
      String names, String valueLabel, String description, ValueType<V> type) {
    return new Builder<>(split(names), valueLabel, description, type);
  }

  /** An option whose value is any text. */
  public static Builder<String> text(String names, String valueLabel, String description) {
    return value(names, valueLabel, description, ValueType.text());
  }

  /** The name errors and usage use: the longest, e.g. {@code --query}. */
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
    return valueLabel != null;
  }

  /** {@code --query=TEXT} or {@code --all}, as usage and errors show it. */
  public String synopsis() {
    return takesValue() ? key() + "=" + valueLabel : key();
  }

  /**
   * What the command reads from the texts given for this option (empty when absent).
   *
   * @throws InvalidOptionValue when a text is not a value of the option's type
   */
  T read(List<String> given) {
    return reader.read(key(), given);
  }

  @Override
  public String toString() {
    return synopsis();
  }

  /**
   * The rest of an option with a value: what is read when it is absent (nothing, a default, bad
   * usage) or when it is given more than once (the last, or all of them).
   */
  public static final class Builder<V> {
    private final List<String> names;
    private final String valueLabel;
    private final String description;
    private final ValueType<V> type;
    private boolean namesAProfile;

    private Builder(List<String> names, String valueLabel, String description, ValueType<V> type) {
      this.names = names;
      this.valueLabel = valueLabel;
      this.description = description;
      this.type = type;
    }

    /** The value names an existing profile, which shell completion offers. */
    public Builder<V> namingAProfile() {
      namesAProfile = true;
      return this;
    }

    /** Empty when absent; given more than once, the last one counts. */
    public Option<Optional<V>> optional() {
      return build(
          false,
          null,
          (key, given) ->
              given.isEmpty() ? Optional.empty() : Optional.of(type.parse(key, last(given))));
    }

    /** {@code defaultValue} when absent, shown in the help; else the last one given. */
    public Option<V> orElse(V defaultValue) {
      Objects.requireNonNull(defaultValue, "an option without a default is optional()");
      return build(
          false,
          "default: " + type.show(defaultValue),
          (key, given) -> given.isEmpty() ? defaultValue : type.parse(key, last(given)));
    }

    /** Bad usage when absent; given more than once, the last one counts. */
    public Option<V> required() {
      return build(true, null, (key, given) -> type.parse(key, last(given)));
    }

    /** Every value given, in order; empty when absent. */
    public Option<List<V>> repeated() {
      return build(
          false,
          "repeatable",
          (key, given) -> given.stream().map(text -> type.parse(key, text)).toList());
    }

    private <T> Option<T> build(boolean required, String note, Reader<T> reader) {
      List<String> notes = new ArrayList<>();
      if (!type.choices().isEmpty()) {
        notes.add("one of: " + String.join(", ", type.choices()));
      }
      if (note != null) {
        notes.add(note);
      }
      return new Option<>(
          names,
          valueLabel,
          annotated(description, notes),
          type.choices(),
          required,
          namesAProfile,
          reader);
    }
  }

  /** "How long it waits." and "default: 60" become "How long it waits (default: 60)." */
  private static String annotated(String description, List<String> notes) {
    if (notes.isEmpty()) {
      return description;
    }
    String shown = " (" + String.join("; ", notes) + ")";
    return description.endsWith(".")
        ? description.substring(0, description.length() - 1) + shown + "."
        : description + shown;
  }

  private static String last(List<String> given) {
    if (given.isEmpty()) {
      // The parser reports a missing required option before any value is read.
      throw new IllegalStateException("no value given");
    }
    return given.get(given.size() - 1);
  }

  private static List<String> split(String names) {
    return List.of(names.split(","));
  }
}

package dev.hermes.cli;

import java.util.List;
import java.util.function.Function;

/**
 * What an option's value is: how the text of the command line becomes it, with one error line
 * ({@link InvalidOptionValue}) when it cannot, how the help shows it as a default, and, when the
 * values are a fixed set, the words the help lists and completion offers.
 */
@FunctionalInterface
public interface ValueType<V> {
  /** The value {@code text} stands for; {@code option} ({@code --port}) is named by the error. */
  V parse(String option, String text);

  /** How the help shows this value as a default. */
  default String show(V value) {
    return String.valueOf(value);
  }

  /** The word of every value when the values are a fixed set; else empty. */
  default List<String> choices() {
    return List.of();
  }

  /** Any text, as given. */
  static ValueType<String> text() {
    return (option, text) -> text;
  }

  /** Any int. */
  static ValueType<Integer> integer() {
    return new IntegerValue(Integer.MIN_VALUE, Integer.MAX_VALUE, "");
  }

  /** An int from {@code min} to {@code max}, both included. */
  static ValueType<Integer> integer(int min, int max) {
    return new IntegerValue(min, max, "");
  }

  /** An int of at least {@code min}, counting {@code unit}s: {@code at least 1 second}. */
  static ValueType<Integer> atLeast(int min, String unit) {
    return new IntegerValue(min, Integer.MAX_VALUE, unit);
  }

  /** One of {@code values}, each named on the command line by its {@code word}. */
  static <E> ValueType<E> oneOf(E[] values, Function<E, String> word) {
    return new ChoiceValue<>(List.of(values), word);
  }
}

package dev.hermes.cli;

import java.util.List;
import java.util.function.Function;

/**
 * A value from a fixed set (an enum's constants), each named by its word. The words are exact: they
 * are what scripts write, and what the help and completion show.
 */
final class ChoiceValue<E> implements ValueType<E> {
  private final List<E> values;
  private final Function<E, String> word;

  ChoiceValue(List<E> values, Function<E, String> word) {
    this.values = List.copyOf(values);
    this.word = word;
  }

  @Override
  public E parse(String option, String text) {
    for (E value : values) {
      if (word.apply(value).equals(text)) {
        return value;
      }
    }
    throw new InvalidOptionValue(
        "Invalid value for option '"
            + option
            + "': '"
            + text
            + "' is not one of "
            + String.join(", ", choices()));
  }

  @Override
  public String show(E value) {
    return word.apply(value);
  }

  @Override
  public List<String> choices() {
    return values.stream().map(word).toList();
  }
}

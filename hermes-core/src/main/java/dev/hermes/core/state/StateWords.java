package dev.hermes.core.state;

import java.util.Optional;
import java.util.function.Function;

/** Finds the constant a stored or printed word names, for every enum of this package. */
final class StateWords {
  private StateWords() {}

  static <E> Optional<E> find(E[] constants, Function<E, String> word, Object value) {
    for (E constant : constants) {
      if (word.apply(constant).equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}

package dev.hermes.cli;

/**
 * An int option's value, within bounds. Surrounding blanks are ignored ({@code --timeout ' 7'}), as
 * a shell variable expanded into the line may bring some.
 *
 * @param unit what the number counts ({@code second}), said after a bound; empty for none
 */
record IntegerValue(int min, int max, String unit) implements ValueType<Integer> {
  @Override
  public Integer parse(String option, String text) {
    int value;
    try {
      value = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidOptionValue(
          "Invalid value for option '" + option + "': '" + text + "' is not an int");
    }
    if (value < min || value > max) {
      throw new InvalidOptionValue(option + " must be " + bounds() + ", got " + value);
    }
    return value;
  }

  /** {@code between 0 and 65535}, {@code at least 1 second}. */
  private String bounds() {
    if (max == Integer.MAX_VALUE) {
      return "at least " + counted(min);
    }
    if (min == Integer.MIN_VALUE) {
      return "at most " + counted(max);
    }
    return "between " + min + " and " + counted(max);
  }

  private String counted(int bound) {
    return unit.isEmpty() ? Integer.toString(bound) : bound + " " + unit;
  }
}

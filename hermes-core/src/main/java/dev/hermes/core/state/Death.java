package dev.hermes.core.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The last death of a gateway's process: its cause, the detail an operator reads ({@code exit 1},
 * {@code signal 9}) and the epoch second it ended, recorded as three lines ({@link #lines}) so that
 * a shell script can write them into a slot's file with one rename.
 */
public record Death(DeathCause cause, String detail, long epochSecond) {
  public Death {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * The death those lines record; empty for anything else (an unknown code, a missing line, a time
   * that is not a number), which status shows as no death at all rather than a wrong one.
   */
  public static Optional<Death> parse(List<String> lines) {
    if (lines.size() < 3) {
      return Optional.empty();
    }
    Optional<DeathCause> cause = DeathCause.parse(lines.get(0).strip());
    String time = lines.get(2).strip();
    if (cause.isEmpty() || time.isEmpty() || !time.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Death(cause.get(), lines.get(1).strip(), Long.parseLong(time)));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }

  /** The three lines {@link #parse} reads. */
  public List<String> lines() {
    return List.of(cause.code(), detail, Long.toString(epochSecond));
  }
}

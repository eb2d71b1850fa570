package dev.hermes.core.state;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The last death of a gateway's process: its cause, the detail an operator reads ({@code exit 1},
 * {@code signal SIGKILL}) and the epoch second it ended, recorded as three lines ({@link #lines})
 * so that a shell script can write them into a slot's file with one rename.
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

  /**
   * As the JSON of {@code gateway status --json}, the dashboard and {@code gateway_state.json}'s
   * {@code last_death} give it: {@code cause}, {@code detail}, {@code time} (RFC 3339, UTC).
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cause", cause.code());
    json.put("detail", detail);
    json.put("time", Instant.ofEpochSecond(epochSecond).toString());
    return json;
  }

  /** The death {@link #toJson} gave; empty for anything else. */
  public static Optional<Death> fromJson(Map<?, ?> json) {
    if (!(json.get("cause") instanceof String code)
        || !(json.get("detail") instanceof String detail)
        || !(json.get("time") instanceof String time)) {
      return Optional.empty();
    }
    try {
      return DeathCause.parse(code)
          .map(cause -> new Death(cause, detail, Instant.parse(time).getEpochSecond()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** One line for the tables: the detail, with the cause when the detail alone does not say it. */
  public String line() {
    return switch (cause) {
      case OOM_KILL, STOP_TIMEOUT -> detail + " (" + cause.code() + ")";
      default -> detail;
    };
  }
}

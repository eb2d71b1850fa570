package dev.hermes.core.audit;

import dev.hermes.core.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One lifecycle event, as one line of {@code audit.jsonl}. The line's shape is fixed, because the
 * slots' finish scripts append lines of their own with one {@code printf}:
 *
 * <pre>{@code
 * {"time":"2026-12-03T16:20:01Z","profile":"alice","action":"stop","actor":"cli","uid":1000,
 *  "user":"hermes","reason":"...","result":"ok"}
 * }</pre>
 *
 * (on one line), keys in that order; a dashboard line has {@code "session_user"} after {@code
 * user}. hermes writes milliseconds in {@code time}, the shell whole seconds; both are read.
 *
 * @param uid the OS uid of the process that wrote the line, -1 where there are no uids
 * @param user the OS user name of that process
 */
public record AuditEvent(
    Instant time,
    String profile,
    AuditAction action,
    Actor actor,
    int uid,
    String user,
    String reason,
    String result) {

  /** Longer reasons and results are cut here: one event must not make a huge line. */
  static final int MAX_TEXT = 1000;

  public AuditEvent {
    time = time.truncatedTo(ChronoUnit.MILLIS);
    reason = bounded(reason);
    result = bounded(result);
  }

  /** The result of an action that was refused: {@code failed: why}. */
  public static String failure(Throwable e) {
    return "failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
  }

  /** The JSON object, keys in the fixed order. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("time", time.toString());
    map.put("profile", profile);
    map.put("action", action.word());
    map.put("actor", actor.name());
    map.put("uid", uid);
    map.put("user", user);
    if (actor.sessionUser() != null) {
      map.put("session_user", actor.sessionUser());
    }
    map.put("reason", reason);
    map.put("result", result);
    return map;
  }

  /** The line's bytes, the newline included: what one append writes. */
  public byte[] toLine() {
    byte[] json = JsonValues.toBytes(toMap());
    byte[] line = new byte[json.length + 1];
    System.arraycopy(json, 0, line, 0, json.length);
    line[json.length] = '\n';
    return line;
  }

  /**
   * The event one line holds; empty for a line that is not a JSON object, lacks a key, has a value
   * of the wrong type, or names an action hermes does not know. Unknown extra keys are ignored.
   */
  public static Optional<AuditEvent> parse(String line) {
    Object value;
    try {
      value = JsonValues.parse(line.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Optional<AuditAction> action = AuditAction.parse(map.get("action"));
    Optional<Instant> time = instant(map.get("time"));
    if (action.isEmpty()
        || time.isEmpty()
        || !(map.get("profile") instanceof String profile)
        || !(map.get("actor") instanceof String actor)
        || !(map.get("uid") instanceof Number uid)
        || !(map.get("user") instanceof String user)
        || !(map.get("reason") instanceof String reason)
        || !(map.get("result") instanceof String result)) {
      return Optional.empty();
    }
    Object sessionUser = map.get("session_user");
    return Optional.of(
        new AuditEvent(
            time.get(),
            profile,
            action.get(),
            new Actor(actor, sessionUser instanceof String name ? name : null),
            uid.intValue(),
            user,
            reason,
            result));
  }

  private static Optional<Instant> instant(Object value) {
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String bounded(String text) {
    if (text == null) {
      return "";
    }
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
    return text.substring(0, end) + " [truncated]";
  }
}

package dev.hermes.dashboard;

import dev.hermes.core.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A response: status, content type, body, and any extra headers (cookies, Location, Allow). */
record Reply(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers) {
  static final String JSON_TYPE = "application/json; charset=utf-8";

  /** {@code value}: maps, lists, strings, numbers, booleans (see {@link JsonValues#write}). */
  static Reply json(int status, Object value) {
    return new Reply(status, JSON_TYPE, JsonValues.toBytes(value), new ArrayList<>());
  }

  static Reply ok(Object value) {
    return json(200, value);
  }

  /** {@code {"error": reason}}; the reason is one line and never a stack trace. */
  static Reply error(int status, String reason) {
    String line = reason == null ? "" : reason.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    return json(status, Map.of("error", line));
  }

  static Reply bytes(String contentType, byte[] body) {
    return new Reply(200, contentType, body, new ArrayList<>());
  }

  static Reply redirect(String location) {
    Reply reply =
        new Reply(
            303,
            "text/plain; charset=utf-8",
            "see other\n".getBytes(StandardCharsets.UTF_8),
            new ArrayList<>());
    return reply.with("Location", location);
  }

  Reply with(String header, String value) {
    headers.add(Map.entry(header, value));
    return this;
  }
}

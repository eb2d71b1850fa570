package dev.hermes.gateway;

import com.fasterxml.jackson.core.JacksonException;
import dev.hermes.core.JsonValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conversation a client sends to /v1/messages: either {@code {"message": "text"}} (one user
 * turn) or {@code {"messages": [{"role": ..., "content": ...}, ...]}} (passed through as given).
 */
final class ChatMessages {
  private static final String EXPECTED =
      "expected {\"message\": \"text\"} or {\"messages\": [{\"role\": ..., \"content\": ...}]}";

  private ChatMessages() {}

  static List<Map<String, String>> parse(byte[] body) throws HttpError {
    Object root;
    try {
      root = JsonValues.parse(body);
    } catch (JacksonException e) {
      throw new HttpError(400, "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new HttpError(400, "invalid JSON");
    }
    if (!(root instanceof Map<?, ?> object)) {
      throw new HttpError(400, EXPECTED);
    }
    if (object.containsKey("message")) {
      if (!(object.get("message") instanceof String single) || single.isBlank()) {
        throw new HttpError(400, "\"message\" must be a non-empty string");
      }
      return List.of(Map.of("role", "user", "content", single));
    }
    if (!(object.get("messages") instanceof List<?> many) || many.isEmpty()) {
      throw new HttpError(400, EXPECTED);
    }
    List<Map<String, String>> messages = new ArrayList<>(many.size());
    for (Object message : many) {
      Object role = message instanceof Map<?, ?> fields ? fields.get("role") : null;
      Object content = message instanceof Map<?, ?> fields ? fields.get("content") : null;
      if (!(role instanceof String roleText) || !(content instanceof String contentText)) {
        throw new HttpError(400, "each of \"messages\" needs a string \"role\" and \"content\"");
      }
      messages.add(Map.of("role", roleText, "content", contentText));
    }
    return messages;
  }
}

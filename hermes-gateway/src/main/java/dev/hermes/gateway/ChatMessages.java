package dev.hermes.gateway;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
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
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new HttpError(400, "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new HttpError(400, "invalid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new HttpError(400, EXPECTED);
    }
    JsonNode single = root.get("message");
    if (single != null) {
      if (!single.isTextual() || single.asText().isBlank()) {
        throw new HttpError(400, "\"message\" must be a non-empty string");
      }
      return List.of(Map.of("role", "user", "content", single.asText()));
    }
    JsonNode many = root.get("messages");
    if (many == null || !many.isArray() || many.isEmpty()) {
      throw new HttpError(400, EXPECTED);
    }
    List<Map<String, String>> messages = new ArrayList<>(many.size());
    for (JsonNode message : many) {
      JsonNode role = message.get("role");
      JsonNode content = message.get("content");
      if (role == null || !role.isTextual() || content == null || !content.isTextual()) {
        throw new HttpError(400, "each of \"messages\" needs a string \"role\" and \"content\"");
      }
      messages.add(Map.of("role", role.asText(), "content", content.asText()));
    }
    return messages;
  }
}

package dev.hermes.gateway;

import java.util.Map;

/** A response: status and a JSON object body. Every gateway response is JSON. */
record JsonReply(int status, Map<String, ?> body) {
  static JsonReply ok(Map<String, ?> body) {
    return new JsonReply(200, body);
  }

  static JsonReply error(int status, String reason) {
    return new JsonReply(status, Map.of("error", reason));
  }
}

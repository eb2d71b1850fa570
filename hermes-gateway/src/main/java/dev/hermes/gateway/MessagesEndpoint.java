package dev.hermes.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /v1/messages}: validates the request (type, size, JSON shape) before anything else,
 * so hostile input is refused the same way whether or not a model is configured, then relays it.
 */
final class MessagesEndpoint implements Endpoint {
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final Optional<ModelRelay> relay;
  private final Path configFile;

  MessagesEndpoint(Optional<ModelRelay> relay, Path configFile) {
    this.relay = relay;
    this.configFile = configFile;
  }

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public JsonReply handle(HttpExchange exchange) throws HttpError, IOException {
    requireJsonContentType(exchange);
    byte[] body = readBody(exchange);
    var messages = ChatMessages.parse(body);
    if (relay.isEmpty()) {
      return JsonReply.error(
          503, "no model configured: set model.base_url and model.name in " + configFile);
    }
    return JsonReply.ok(relay.get().relay(messages));
  }

  private static void requireJsonContentType(HttpExchange exchange) throws HttpError {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new HttpError(415, "Content-Type must be application/json");
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws HttpError, IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && declared.strip().matches("\\d{1,18}")) {
      if (Long.parseLong(declared.strip()) > MAX_BODY_BYTES) {
        throw tooLarge();
      }
    }
    try {
      return BoundedBodies.read(exchange.getRequestBody(), MAX_BODY_BYTES);
    } catch (BoundedBodies.TooLargeException e) {
      throw tooLarge();
    }
  }

  private static HttpError tooLarge() {
    return new HttpError(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
  }
}

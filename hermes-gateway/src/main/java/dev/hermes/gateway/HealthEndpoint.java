package dev.hermes.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.util.Map;

/**
 * {@code GET /health}: 200 {@code {"status":"ok"}} only while running; 503 with the state while
 * starting (bound, but not yet confirmed) and while draining, so a balancer stops sending work
 * before the port closes.
 */
final class HealthEndpoint implements Endpoint {
  private final GatewayLifecycle lifecycle;

  HealthEndpoint(GatewayLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public JsonReply handle(HttpExchange exchange) {
    GatewayState state = lifecycle.current();
    if (state == GatewayState.RUNNING) {
      return JsonReply.ok(Map.of("status", "ok"));
    }
    return new JsonReply(503, Map.of("status", state.wireName()));
  }
}

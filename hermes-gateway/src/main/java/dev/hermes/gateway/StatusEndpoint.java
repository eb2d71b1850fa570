package dev.hermes.gateway;

import com.sun.net.httpserver.HttpExchange;
import dev.hermes.core.Version;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /status}: who this gateway is and how long it has been up. */
final class StatusEndpoint implements Endpoint {
  private final String profile;
  private final long pid;
  private final GatewayLifecycle lifecycle;

  StatusEndpoint(String profile, long pid, GatewayLifecycle lifecycle) {
    this.profile = profile;
    this.pid = pid;
    this.lifecycle = lifecycle;
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public JsonReply handle(HttpExchange exchange) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("profile", profile);
    status.put("pid", pid);
    status.put("state", lifecycle.current().wireName());
    status.put("uptime_seconds", lifecycle.uptimeSeconds());
    status.put("version", Version.get());
    return JsonReply.ok(status);
  }
}

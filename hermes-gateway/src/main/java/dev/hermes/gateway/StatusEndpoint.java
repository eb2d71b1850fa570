package dev.hermes.gateway;

import com.sun.net.httpserver.HttpExchange;
import dev.hermes.core.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code GET /status}: who this gateway is, how long it has been up, and how many log lines it
 * could not write ({@code log_lines_dropped}: non-zero means its log was blocked, e.g. a full
 * disk).
 */
final class StatusEndpoint implements Endpoint {
  private final String profile;
  private final long pid;
  private final GatewayLifecycle lifecycle;
  private final LongSupplier logLinesDropped;

  StatusEndpoint(
      String profile, long pid, GatewayLifecycle lifecycle, LongSupplier logLinesDropped) {
    this.profile = profile;
    this.pid = pid;
    this.lifecycle = lifecycle;
    this.logLinesDropped = logLinesDropped;
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
    status.put("log_lines_dropped", logLinesDropped.getAsLong());
    return JsonReply.ok(status);
  }
}

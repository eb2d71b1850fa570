package dev.hermes.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hermes.core.JsonValues;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The server's only handler. {@code HttpServer} contexts match by prefix, so exact paths, methods,
 * the drain gate and the rule "every answer is JSON, never a stack trace" are enforced here once
 * instead of in every endpoint.
 */
final class Router implements HttpHandler {
  // Past this much unread body we stop discarding and let the connection drop: refusing a huge
  // upload must not cost more than reading a few megabytes.
  private static final long DISCARD_LIMIT = 8L * 1024 * 1024;

  private final Map<String, Endpoint> endpoints;
  private final InFlightRequests inFlight;
  private final GatewayLog log;

  Router(Map<String, Endpoint> endpoints, InFlightRequests inFlight, GatewayLog log) {
    this.endpoints = Map.copyOf(endpoints);
    this.inFlight = inFlight;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      if (!inFlight.tryEnter()) {
        exchange.getResponseHeaders().set("Connection", "close");
        respond(exchange, JsonReply.error(503, "gateway is stopping"));
        return;
      }
      try {
        respond(exchange, route(exchange));
      } finally {
        inFlight.exit();
      }
    } finally {
      exchange.close();
    }
  }

  private JsonReply route(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    Endpoint endpoint = endpoints.get(path);
    if (endpoint == null) {
      return JsonReply.error(404, "not found");
    }
    if (!endpoint.method().equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", endpoint.method());
      return JsonReply.error(405, "method not allowed: use " + endpoint.method());
    }
    try {
      return endpoint.handle(exchange);
    } catch (HttpError e) {
      return JsonReply.error(e.status(), e.getMessage());
    } catch (IOException e) {
      // The client broke off or sent something unreadable; it will rarely see this answer.
      return JsonReply.error(400, "could not read the request");
    } catch (RuntimeException e) {
      log.error("internal error on " + exchange.getRequestMethod() + " " + path + ": " + e);
      return JsonReply.error(500, "internal error");
    }
  }

  private static void respond(HttpExchange exchange, JsonReply reply) {
    try {
      byte[] body = JsonValues.toBytes(reply.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(reply.status(), -1);
        return;
      }
      exchange.sendResponseHeaders(reply.status(), body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body);
      out.flush();
      // Only now, with the answer on the wire: see BoundedBodies.discard. Closing the response
      // closes the request stream too, so this must come before out.close().
      BoundedBodies.discard(exchange.getRequestBody(), DISCARD_LIMIT);
      out.close();
    } catch (IOException e) {
      // The client went away; there is nobody left to answer.
    }
  }
}

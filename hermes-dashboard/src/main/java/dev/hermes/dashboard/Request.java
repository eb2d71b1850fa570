package dev.hermes.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** One request as the endpoints see it: method, path, its session (if any), body, client. */
final class Request {
  private final HttpExchange exchange;
  private final Optional<Session> session;

  Request(HttpExchange exchange, Optional<Session> session) {
    this.exchange = exchange;
    this.session = session;
  }

  HttpExchange exchange() {
    return exchange;
  }

  String method() {
    return exchange.getRequestMethod();
  }

  String path() {
    return exchange.getRequestURI().getRawPath();
  }

  boolean isRead() {
    return method().equals("GET") || method().equals("HEAD");
  }

  Optional<Session> session() {
    return session;
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The client's address, for log lines. */
  String client() {
    return exchange.getRemoteAddress() == null
        ? "unknown"
        : exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  /** The whole body if it holds at most {@code limit} bytes; 413 past that. */
  byte[] body(int limit) {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[1024];
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (out.size() + n > limit) {
          throw new HttpFailure(413, "request body larger than " + limit + " bytes");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new HttpFailure(400, "could not read the request body");
    }
  }

  /** The value of cookie {@code name}, or null. */
  static String cookie(HttpExchange exchange, String name) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String part : header.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
          return part.substring(eq + 1).strip();
        }
      }
    }
    return null;
  }
}

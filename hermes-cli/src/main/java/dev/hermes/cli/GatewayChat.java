package dev.hermes.cli;

import dev.hermes.core.HermesException;
import dev.hermes.core.JsonValues;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A profile's running gateway as {@code hermes chat} uses it: is it there (its {@code /health}
 * answers 200 within {@link #HEALTH_TIMEOUT}), and one message to its {@code /v1/messages}, which
 * takes {@code {"message": text}} and answers {@code {"reply": ..., "model": ...}} or {@code
 * {"error": reason}}.
 */
final class GatewayChat {
  /** Short: a gateway on this host answers at once, and the fallback should not feel slow. */
  static final Duration HEALTH_TIMEOUT = Duration.ofMillis(300);

  private final URI base;
  private final HttpClient client;

  private GatewayChat(URI base, HttpClient client) {
    this.base = base;
    this.client = client;
  }

  /** The gateway at {@code host:port} when it is healthy; a wildcard host means this host. */
  static Optional<GatewayChat> ifHealthy(String host, int port) {
    URI base;
    try {
      base = URI.create("http://" + connectable(host) + ":" + port);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(HEALTH_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpRequest health =
        HttpRequest.newBuilder(base.resolve("/health")).timeout(HEALTH_TIMEOUT).GET().build();
    try {
      int status = client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 ? Optional.of(new GatewayChat(base, client)) : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The reply to one message, waiting up to {@code timeout}; a one-line error otherwise. */
  String ask(String message, Duration timeout) {
    HttpResponse<byte[]> response;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve("/v1/messages"))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      JsonValues.toBytes(Map.of("message", message))))
              .build();
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new HermesException(
          "gateway at " + base + " did not answer within " + timeout.toSeconds() + "s");
    } catch (IOException e) {
      throw new HermesException("gateway at " + base + " failed: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HermesException("interrupted while waiting for the gateway at " + base);
    }
    Map<?, ?> body = parse(response.body());
    if (response.statusCode() == 200) {
      if (!(body.get("reply") instanceof String reply)) {
        throw new HermesException("gateway at " + base + " answered without a reply");
      }
      return reply;
    }
    Object error = body.get("error");
    throw new HermesException(
        "gateway at "
            + base
            + " answered "
            + response.statusCode()
            + ": "
            + (error instanceof String reason ? reason : "no reason given"));
  }

  /** A wildcard bind address is not one to connect to; its loopback twin is. */
  static String connectable(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equals("0.0.0.0")) {
      return "127.0.0.1";
    }
    if (bare.equals("::") || bare.equals("0:0:0:0:0:0:0:0")) {
      return "[::1]";
    }
    return bare.contains(":") ? "[" + bare + "]" : bare;
  }

  /** The body's top-level object, or an empty map when it is not a JSON object. */
  private static Map<?, ?> parse(byte[] body) {
    try {
      return JsonValues.parse(body) instanceof Map<?, ?> map ? map : Map.of();
    } catch (IOException e) {
      return Map.of();
    }
  }

  private static String describe(IOException e) {
    // The JDK client's ConnectException often has no message; its cause has one.
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }
}

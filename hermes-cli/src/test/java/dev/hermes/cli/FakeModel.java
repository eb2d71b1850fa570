package dev.hermes.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible {@code chat/completions} endpoint on 127.0.0.1 whose behaviour is the first
 * path segment of the base URL: {@code /ok/v1} answers, {@code /error/v1} answers 500, {@code
 * /slow/v1} answers only when the server closes.
 */
final class FakeModel implements AutoCloseable {
  static final String ANSWER = "hello from the fake model";

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile String lastBody;
  private volatile String lastAuthorization;

  FakeModel() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  String baseUrl(String behaviour) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + behaviour + "/v1";
  }

  String lastBody() {
    return lastBody;
  }

  String lastAuthorization() {
    return lastAuthorization;
  }

  /** A port nothing listens on right now: bind port 0, note the number, let it go. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
      String path = exchange.getRequestURI().getPath();
      if (!path.endsWith("/v1/chat/completions")) {
        reply(exchange, 404, "{\"error\":\"not found\"}");
        return;
      }
      switch (path.split("/")[1]) {
        case "ok" ->
            reply(
                exchange,
                200,
                "{\"model\":\"fake-1\",\"choices\":[{\"index\":0,\"message\":"
                    + "{\"role\":\"assistant\",\"content\":\""
                    + ANSWER
                    + "\"}}]}");
        case "error" -> reply(exchange, 500, "{\"error\":\"boom\"}");
        case "slow" -> {
          awaitClose();
          reply(exchange, 200, "{}");
        }
        default -> reply(exchange, 404, "{}");
      }
    }
  }

  private void awaitClose() {
    try {
      closing.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}

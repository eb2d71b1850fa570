package dev.hermes.gateway;

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
 * A tiny OpenAI-compatible endpoint on 127.0.0.1. The first path segment picks the behaviour, so
 * one server serves every test: {@code /ok/v1}, {@code /slow/v1} (answers only once released),
 * {@code /error/v1} (500), {@code /garbage/v1} (not JSON), {@code /empty/v1} (JSON without a
 * reply). The CLI's tests use it too (this module's test jar).
 */
public final class FakeModelServer implements AutoCloseable {
  /** What {@code /ok/v1} answers. */
  public static final String ANSWER = "hello from the fake model";

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final CountDownLatch releaseSlow = new CountDownLatch(1);
  private final CountDownLatch slowArrived = new CountDownLatch(1);
  private volatile String lastAuthorization;
  private volatile String lastBody;

  public FakeModelServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** The base URL of one behaviour, as it goes into {@code model.base_url}. */
  public String baseUrl(String behaviour) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + behaviour + "/v1";
  }

  public String lastAuthorization() {
    return lastAuthorization;
  }

  public String lastBody() {
    return lastBody;
  }

  /** Waits until a request reached the slow behaviour. */
  public boolean awaitSlowRequest(long seconds) throws InterruptedException {
    return slowArrived.await(seconds, TimeUnit.SECONDS);
  }

  /** Lets slow requests answer. */
  public void releaseSlow() {
    releaseSlow.countDown();
  }

  /** A port nothing listens on right now: bind port 0, note the number, let it go. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    releaseSlow.countDown();
    server.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
      lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      String behaviour = path.split("/")[1];
      if (!path.endsWith("/v1/chat/completions")) {
        reply(exchange, 404, "{\"error\":\"not found\"}");
        return;
      }
      switch (behaviour) {
        case "ok" -> reply(exchange, 200, completion(ANSWER));
        case "slow" -> {
          slowArrived.countDown();
          awaitRelease();
          reply(exchange, 200, completion("sorry I am late"));
        }
        case "error" -> reply(exchange, 500, "{\"error\":\"boom\"}");
        case "garbage" -> reply(exchange, 200, "this is not json {");
        case "empty" -> reply(exchange, 200, "{\"choices\":[]}");
        default -> reply(exchange, 404, "{}");
      }
    }
  }

  private void awaitRelease() {
    try {
      releaseSlow.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String completion(String content) {
    return "{\"id\":\"x\",\"model\":\"fake-model-1\",\"choices\":[{\"index\":0,\"message\":"
        + "{\"role\":\"assistant\",\"content\":\""
        + content
        + "\"}}]}";
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}

package dev.hermes.gateway;

import dev.hermes.core.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends a conversation to the profile's OpenAI-compatible {@code chat/completions} endpoint and
 * maps every way that can go wrong to a gateway status: 502 when the model endpoint fails or
 * answers nonsense, 504 when it is too slow. Upstream details reach the client only as one line.
 *
 * <p>The HTTP client is built on the first message: an idle gateway that never relays should not
 * pay for its selector thread and classes.
 */
final class ModelRelay {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  // Answers are text; anything bigger than this is not one we want to hold in memory.
  private static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

  private final ModelEndpoint endpoint;
  private final GatewayLog log;
  private HttpClient client;

  ModelRelay(ModelEndpoint endpoint, GatewayLog log) {
    this.endpoint = endpoint;
    this.log = log;
  }

  /**
   * The longest a relay waits before it has the model's answer or gives up: the connect timeout,
   * then the answer's own ({@code model.timeout_seconds}). Reading the answer's body after that is
   * not bounded by them; the server's response deadline allows for it ({@link
   * dev.hermes.core.ServerLimits#ANSWER_TRANSFER}).
   */
  static Duration slowestAnswer(ModelEndpoint endpoint) {
    return CONNECT_TIMEOUT.plus(endpoint.timeout());
  }

  /** The reply: {@code {"reply": ..., "model": ...}}. */
  Map<String, Object> relay(List<Map<String, String>> messages) throws HttpError {
    long started = System.nanoTime();
    try {
      Map<String, Object> reply = exchange(messages);
      log.info(
          "relayed "
              + messages.size()
              + " message(s) to "
              + endpoint.model()
              + " in "
              + (System.nanoTime() - started) / 1_000_000
              + " ms");
      return reply;
    } catch (HttpError e) {
      log.warning("relay to " + endpoint.chatCompletions() + " failed: " + e.getMessage());
      throw e;
    }
  }

  private Map<String, Object> exchange(List<Map<String, String>> messages) throws HttpError {
    HttpResponse<InputStream> response = send(request(messages));
    try (InputStream body = response.body()) {
      if (response.statusCode() / 100 != 2) {
        throw new HttpError(502, "model endpoint answered " + response.statusCode());
      }
      return reply(BoundedBodies.read(body, MAX_ANSWER_BYTES));
    } catch (BoundedBodies.TooLargeException e) {
      throw new HttpError(502, "model endpoint answer larger than " + MAX_ANSWER_BYTES + " bytes");
    } catch (IOException e) {
      throw new HttpError(502, "model endpoint broke off its answer: " + describe(e));
    }
  }

  private HttpRequest request(List<Map<String, String>> messages) throws HttpError {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("model", endpoint.model());
    payload.put("messages", messages);
    byte[] body = JsonValues.toBytes(payload);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.chatCompletions())
            .timeout(endpoint.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    endpoint.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
    return request.build();
  }

  private HttpResponse<InputStream> send(HttpRequest request) throws HttpError {
    try {
      return client().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new HttpError(502, "model endpoint unreachable: connect timed out");
    } catch (HttpTimeoutException e) {
      throw new HttpError(
          504, "model endpoint did not answer within " + endpoint.timeout().toSeconds() + "s");
    } catch (ConnectException e) {
      throw new HttpError(502, "model endpoint unreachable: " + describe(e));
    } catch (IOException e) {
      throw new HttpError(502, "model endpoint failed: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(503, "gateway is stopping");
    }
  }

  private Map<String, Object> reply(byte[] answer) throws HttpError {
    Object root;
    try {
      root = JsonValues.parse(answer);
    } catch (IOException e) {
      throw new HttpError(502, "model endpoint answered malformed JSON");
    }
    if (!(at(root, "choices", 0, "message", "content") instanceof String content)) {
      throw new HttpError(502, "model endpoint answer has no choices[0].message.content");
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("reply", content);
    reply.put("model", at(root, "model") instanceof String model ? model : endpoint.model());
    return reply;
  }

  /** The value at a path of object keys (strings) and array indexes (ints); null when absent. */
  private static Object at(Object root, Object... path) {
    Object node = root;
    for (Object step : path) {
      if (step instanceof String key && node instanceof Map<?, ?> object) {
        node = object.get(key);
      } else if (step instanceof Integer index
          && node instanceof List<?> array
          && index < array.size()) {
        node = array.get(index);
      } else {
        return null;
      }
    }
    return node;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      // The client's own async work runs here; a small pool whose threads die when idle.
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              2,
              2,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              DaemonThreads.named("gateway-relay"));
      pool.allowCoreThreadTimeOut(true);
      client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .executor(pool)
              .build();
    }
    return client;
  }

  private static String describe(IOException e) {
    // ConnectException from the JDK client often has a null message; its cause says more.
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }
}

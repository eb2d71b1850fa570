package dev.hermes.gateway;

import com.sun.net.httpserver.HttpServer;
import dev.hermes.core.HandlerThreads;
import dev.hermes.core.ServerLimits;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The JDK's built-in HTTP server on the profile's host and port, with the limits of {@link
 * ServerLimits} and a thread per connection being read ({@link HandlerThreads}): one JVM runs per
 * profile, so an idle gateway keeps no handler thread, and a slow client holds only its own.
 */
final class GatewayHttpServer {
  private static final int BACKLOG = 50;
  // Right after replacing a gateway its port can still be held for a moment by the exiting
  // process (the kernel may free the lock before the socket).
  private static final Duration BIND_RETRY_AFTER_TAKEOVER = Duration.ofSeconds(3);

  private final HttpServer server;
  private final ExecutorService pool;
  private final InFlightRequests inFlight;

  private GatewayHttpServer(HttpServer server, ExecutorService pool, InFlightRequests inFlight) {
    this.server = server;
    this.pool = pool;
    this.inFlight = inFlight;
  }

  /**
   * Binds and starts serving {@code endpoints}. A port another program holds, or an address this
   * host does not have, is a configuration the gateway cannot run with.
   *
   * @param slowestAnswer the longest an endpoint may take to answer (the model relay's timeouts):
   *     the server's response deadline leaves room for it
   */
  static GatewayHttpServer start(
      String host,
      int port,
      Map<String, Endpoint> endpoints,
      Duration slowestAnswer,
      GatewayLog log,
      boolean tookOver)
      throws FatalConfigurationException, IOException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new FatalConfigurationException("gateway.host '" + host + "' does not resolve");
    }
    // Before the JVM's first server exists: the JDK reads its limits once, then.
    ServerLimits.install(slowestAnswer);
    HttpServer server = bind(address, host, port, tookOver);
    ExecutorService pool = HandlerThreads.create("gateway-http");
    InFlightRequests inFlight = new InFlightRequests();
    server.createContext("/", new Router(endpoints, inFlight, log));
    server.setExecutor(pool);
    server.start();
    return new GatewayHttpServer(server, pool, inFlight);
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  /**
   * Refuses new requests, waits up to {@code drain} for the ones in flight, then closes the port
   * and every connection. Returns how many requests were cut off.
   */
  int stop(Duration drain) throws InterruptedException {
    inFlight.close();
    int cutOff = inFlight.awaitIdle(drain) ? 0 : inFlight.active();
    server.stop(0);
    pool.shutdownNow();
    return cutOff;
  }

  /** Closes at once, cutting off whatever is in flight; returns how many requests that was. */
  int stopNow() {
    inFlight.close();
    int cutOff = inFlight.active();
    server.stop(0);
    pool.shutdownNow();
    return cutOff;
  }

  private static HttpServer bind(InetSocketAddress address, String host, int port, boolean retry)
      throws FatalConfigurationException, IOException {
    long deadline = System.nanoTime() + BIND_RETRY_AFTER_TAKEOVER.toNanos();
    while (true) {
      try {
        return HttpServer.create(address, BACKLOG);
      } catch (BindException e) {
        boolean inUse = e.getMessage() != null && e.getMessage().contains("in use");
        if (inUse && retry && System.nanoTime() < deadline) {
          pause();
          continue;
        }
        if (inUse) {
          throw new FatalConfigurationException(
              "port " + port + " on " + host + " is in use by another program");
        }
        throw new FatalConfigurationException(
            "cannot listen on " + host + ":" + port + ": " + e.getMessage());
      }
    }
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding", e);
    }
  }
}

package dev.hermes.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's built-in HTTP server on the profile's host and port, with a small pool: one JVM runs
 * per profile, so idle memory matters more than peak throughput.
 */
final class GatewayHttpServer {
  private static final int HANDLER_THREADS = 4;
  private static final int QUEUED_REQUESTS = 64;
  private static final int BACKLOG = 50;
  // Right after replacing a gateway its port can still be held for a moment by the exiting
  // process (the kernel may free the lock before the socket).
  private static final Duration BIND_RETRY_AFTER_TAKEOVER = Duration.ofSeconds(3);

  private final HttpServer server;
  private final ThreadPoolExecutor pool;
  private final InFlightRequests inFlight;

  private GatewayHttpServer(HttpServer server, ThreadPoolExecutor pool, InFlightRequests inFlight) {
    this.server = server;
    this.pool = pool;
    this.inFlight = inFlight;
  }

  /**
   * Binds and starts serving {@code endpoints}. A port another program holds, or an address this
   * host does not have, is a configuration the gateway cannot run with.
   */
  static GatewayHttpServer start(
      String host, int port, Map<String, Endpoint> endpoints, GatewayLog log, boolean tookOver)
      throws FatalConfigurationException, IOException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new FatalConfigurationException("gateway.host '" + host + "' does not resolve");
    }
    HttpServer server = bind(address, host, port, tookOver);
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            HANDLER_THREADS,
            HANDLER_THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED_REQUESTS),
            DaemonThreads.named("gateway-http"),
            // A full queue makes the accepting thread handle the request itself: it stops
            // accepting meanwhile, which is the back-pressure we want under a flood.
            new ThreadPoolExecutor.CallerRunsPolicy());
    // Idle handler threads go away; a quiet gateway keeps none.
    pool.allowCoreThreadTimeOut(true);
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

package dev.hermes.dashboard;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.hermes.core.HandlerThreads;
import dev.hermes.core.ServerLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * The JDK's HTTP server with the limits of {@link ServerLimits} and a thread per connection being
 * read ({@link HandlerThreads}): the dashboard serves a handful of pages polling once a second, and
 * idle memory matters more than throughput, but a slow client must hold only its own thread.
 * Binding is separate from serving so that every refusal happens before anything listens.
 */
final class DashboardServer {
  private static final int BACKLOG = 50;
  // Its slowest answer is the cold overview of every profile, 0.7 s at 200 profiles
  // (bench/results/dashboard.md); the rest is margin for a loaded host.
  static final Duration SLOWEST_ANSWER = Duration.ofSeconds(10);
  // A dashboard restarted right after its predecessor died may find the port held for a moment.
  private static final Duration BIND_RETRY = Duration.ofSeconds(3);

  private final HttpServer server;
  private ExecutorService pool;

  private DashboardServer(HttpServer server) {
    this.server = server;
  }

  /** Listens on the address; a port in use or an address this host lacks is a refusal. */
  static DashboardServer bind(InetAddress address, int port, String host) {
    // Before the JVM's first server exists: the JDK reads its limits once, then.
    ServerLimits.install(SLOWEST_ANSWER);
    long deadline = System.nanoTime() + BIND_RETRY.toNanos();
    while (true) {
      try {
        return new DashboardServer(
            HttpServer.create(new InetSocketAddress(address, port), BACKLOG));
      } catch (BindException e) {
        boolean inUse = e.getMessage() != null && e.getMessage().contains("in use");
        if (inUse && System.nanoTime() < deadline) {
          pause();
          continue;
        }
        throw new DashboardRefusedException(
            inUse
                ? "port " + port + " on " + host + " is in use by another program"
                : "cannot listen on " + host + ":" + port + ": " + e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
      }
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  void serve(HttpHandler handler) {
    pool = HandlerThreads.create("dashboard-http");
    server.createContext("/", handler);
    server.setExecutor(pool);
    server.start();
  }

  void stop() {
    server.stop(0);
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DashboardRefusedException("interrupted while waiting for the port");
    }
  }
}

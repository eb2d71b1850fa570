package dev.hermes.dashboard;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server with a small pool: the dashboard serves a handful of pages polling once a
 * second, and idle memory matters more than throughput. Binding is separate from serving so that
 * every refusal happens before anything listens.
 */
final class DashboardServer {
  private static final int THREADS = 4;
  private static final int QUEUED = 64;
  private static final int BACKLOG = 50;
  // A dashboard restarted right after its predecessor died may find the port held for a moment.
  private static final Duration BIND_RETRY = Duration.ofSeconds(3);

  private final HttpServer server;
  private ThreadPoolExecutor pool;

  private DashboardServer(HttpServer server) {
    this.server = server;
  }

  /** Listens on the address; a port in use or an address this host lacks is a refusal. */
  static DashboardServer bind(InetAddress address, int port, String host) {
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
    AtomicInteger count = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED),
            r -> {
              Thread t = new Thread(r, "dashboard-http-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            // A full queue makes the accepting thread answer itself, so it stops accepting.
            new ThreadPoolExecutor.CallerRunsPolicy());
    pool.allowCoreThreadTimeOut(true);
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

package dev.hermes.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /api/events}: the overview pushed to every open page as Server-Sent Events, from one
 * producer for all of them.
 *
 * <p>The producer stats the supervisor's status files and each profile's state file every {@link
 * #PROBE_INTERVAL} ({@link FileStamps}), and computes the overview only when one moved, when the
 * dashboard itself changed a gateway, when a page connects, and every {@link #FULL_REFRESH} for
 * what no watched file shows (a new profile, an edited config.yaml). Each computation is written to
 * every page as one event. Nothing is done while no page is open.
 *
 * <p>Threads: the JDK server would hold its handler thread for as long as a handler writes, so the
 * handler only sends the headers and hands the exchange over; {@link #WRITERS} threads write to
 * every stream. A page that reads slowly only ever has the newest overview waiting (older ones are
 * replaced, not queued), and one whose write has not finished within {@link #WRITE_DEADLINE} is cut
 * off by interrupting the writer, which closes the connection's channel. At most {@link
 * #MAX_STREAMS} streams are open; past that the answer is 503. Each stream is ended after {@link
 * #LIFETIME}, before the server's own cap on an answer's time, and the page's EventSource
 * reconnects {@link #RETRY} later and gets the current overview at once.
 */
final class EventStream implements AutoCloseable {
  static final int MAX_STREAMS = 32;
  static final int WRITERS = 2;
  static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
  static final Duration FULL_REFRESH = Duration.ofSeconds(5);
  // File times are coarse: a second change within one tick of the first keeps the same stamp, so
  // the overview is computed once more a moment after any change.
  static final Duration SETTLE = Duration.ofMillis(600);
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  // Below the server's maxRspTime (DashboardServer.SLOWEST_ANSWER + ServerLimits.ANSWER_TRANSFER).
  static final Duration LIFETIME = Duration.ofSeconds(50);
  static final Duration WRITE_DEADLINE = Duration.ofSeconds(5);
  static final Duration RETRY = Duration.ofMillis(250);

  static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
  private static final byte[] KEEP_ALIVE_FRAME = bytes(": keep-alive\n\n");
  private static final byte[] RETRY_FRAME = bytes("retry: " + RETRY.toMillis() + "\n\n");

  private final OverviewCache overview;
  private final FileStamps stamps;
  private final DashboardLog log;
  private final List<Client> clients = new CopyOnWriteArrayList<>();
  private final Semaphore slots = new Semaphore(MAX_STREAMS);
  private final BlockingQueue<Client> ready = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Object signal = new Object();
  private boolean poked;
  private volatile boolean closed;

  EventStream(OverviewCache overview, FileStamps stamps, DashboardLog log) {
    this.overview = overview;
    this.stamps = stamps;
    this.log = log;
    overview.onInvalidate(this::poke);
    threads.add(daemon(this::produce, "dashboard-events"));
    for (int i = 1; i <= WRITERS; i++) {
      threads.add(daemon(this::write, "dashboard-events-writer-" + i));
    }
    threads.forEach(Thread::start);
  }

  /** Open streams, for tests and the log. */
  int open() {
    return clients.size();
  }

  /**
   * Sends the stream's headers and takes the exchange over: the caller must neither answer nor
   * close it. Past {@link #MAX_STREAMS} a 503 instead, for the caller to send.
   */
  void take(HttpExchange exchange) throws IOException {
    if (!slots.tryAcquire()) {
      throw new HttpFailure(
          503, "too many open event streams (" + MAX_STREAMS + "): close a dashboard page");
    }
    try {
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
      exchange.sendResponseHeaders(200, 0);
    } catch (IOException | RuntimeException e) {
      slots.release();
      throw e;
    }
    // Only now visible to the writers: nothing may be written before the headers.
    Client client = new Client(exchange, System.nanoTime());
    clients.add(client);
    client.offer(frame(overview.get().json()));
    poke();
  }

  /** Something changed that no watched file may show yet: compute and send at once. */
  void poke() {
    synchronized (signal) {
      poked = true;
      signal.notifyAll();
    }
  }

  @Override
  public void close() {
    closed = true;
    threads.forEach(Thread::interrupt);
    for (Client c : clients) {
      drop(c);
    }
  }

  private void produce() {
    long nextFull = 0;
    long settleAt = 0;
    while (!closed) {
      boolean wasPoked;
      try {
        wasPoked = awaitTick();
      } catch (InterruptedException e) {
        return;
      }
      if (clients.isEmpty()) {
        stamps.forget();
        continue;
      }
      long now = System.nanoTime();
      try {
        boolean changed = stamps.changed();
        if (changed) {
          settleAt = now + SETTLE.toNanos();
        }
        boolean settling = settleAt != 0 && now - settleAt >= 0;
        if (changed || wasPoked || settling || now - nextFull >= 0) {
          if (settling && !changed) {
            settleAt = 0;
          }
          // Stamps first, then the rows: a change while computing shows as a new stamp next tick.
          stamps.relist();
          byte[] frame = frame(overview.fresh().json());
          for (Client c : clients) {
            c.offer(frame);
          }
          nextFull = now + FULL_REFRESH.toNanos();
        }
      } catch (RuntimeException e) {
        log.error("event stream: could not compute the overview: " + e);
        nextFull = now + FULL_REFRESH.toNanos();
      }
      for (Client c : clients) {
        c.tend(now);
      }
    }
  }

  /** Waits one probe interval, or until poked; while no page is open, until poked. */
  private boolean awaitTick() throws InterruptedException {
    synchronized (signal) {
      if (!poked) {
        if (clients.isEmpty()) {
          signal.wait();
        } else {
          signal.wait(PROBE_INTERVAL.toMillis());
        }
      }
      boolean was = poked;
      poked = false;
      return was;
    }
  }

  private void write() {
    while (!closed) {
      Client c;
      try {
        c = ready.take();
      } catch (InterruptedException e) {
        return;
      }
      c.writeOnce();
    }
  }

  private void drop(Client c) {
    if (clients.remove(c)) {
      slots.release();
    }
    c.close();
  }

  private static byte[] frame(byte[] json) {
    // The JSON is one line (no pretty printing, newlines in strings escaped): one data line.
    byte[] head = bytes("data: ");
    byte[] out = new byte[head.length + json.length + 2];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(json, 0, out, head.length, json.length);
    out[out.length - 2] = '\n';
    out[out.length - 1] = '\n';
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Thread daemon(Runnable body, String name) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  /** One open page. Its fields are guarded by itself; the write happens outside the lock. */
  private final class Client {
    private final HttpExchange exchange;
    private final long openedNanos;
    private byte[] pending;
    private boolean retrySent;
    private boolean queued;
    private boolean ending;
    private boolean gone;
    private Thread writer;
    private long writeStartedNanos;
    private long lastWriteNanos;

    Client(HttpExchange exchange, long now) {
      this.exchange = exchange;
      this.openedNanos = now;
      this.lastWriteNanos = now;
    }

    /** The newest overview replaces one not yet written: a slow page skips, never queues. */
    synchronized void offer(byte[] frame) {
      if (gone) {
        return;
      }
      pending = frame;
      enqueue();
    }

    /** Keep-alive, end of life, and the deadline of a write in progress. */
    synchronized void tend(long now) {
      if (gone) {
        return;
      }
      if (writer != null) {
        if (now - writeStartedNanos > WRITE_DEADLINE.toNanos()) {
          // Closes the channel under the blocked write; the writer then drops the stream.
          writer.interrupt();
        }
        return;
      }
      if (now - openedNanos > LIFETIME.toNanos()) {
        ending = true;
        enqueue();
      } else if (pending == null && now - lastWriteNanos > KEEP_ALIVE.toNanos()) {
        pending = KEEP_ALIVE_FRAME;
        enqueue();
      }
    }

    private void enqueue() {
      if (!queued) {
        queued = true;
        ready.add(this);
      }
    }

    void writeOnce() {
      byte[] data;
      boolean end;
      boolean retry;
      synchronized (this) {
        queued = false;
        if (gone) {
          return;
        }
        data = pending;
        pending = null;
        end = ending && data == null;
        retry = !retrySent;
        retrySent = true;
        writer = Thread.currentThread();
        writeStartedNanos = System.nanoTime();
      }
      boolean failed = false;
      try {
        OutputStream out = exchange.getResponseBody();
        if (retry) {
          out.write(RETRY_FRAME);
        }
        if (data != null) {
          out.write(data);
        }
        out.flush();
        if (end) {
          // A clean end of the stream: the page reconnects.
          exchange.close();
        }
      } catch (IOException e) {
        failed = true;
      } finally {
        synchronized (this) {
          writer = null;
          lastWriteNanos = System.nanoTime();
          // An interrupt meant for this write must not hit the next one.
          Thread.interrupted();
          if (!failed && !end && (pending != null || ending)) {
            enqueue();
          }
        }
      }
      if (failed || end) {
        drop(this);
      }
    }

    void close() {
      synchronized (this) {
        if (gone) {
          return;
        }
        gone = true;
      }
      try {
        exchange.close();
      } catch (RuntimeException e) {
        // Already closed under a failed write.
      }
    }
  }
}

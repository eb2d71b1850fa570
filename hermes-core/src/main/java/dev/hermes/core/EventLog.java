package dev.hermes.core;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The servers' log: one line per event, {@code <prefix>level: message}, on a stream that a
 * supervisor's logger reads. Serving never waits for it: a caller only puts the line in a bounded
 * queue, and one daemon thread writes the queue out. When the stream blocks (s6-log stops reading
 * once its disk is full, the pipe fills, and every write would hang), the queue fills and further
 * lines are dropped and counted; once a write gets through again, the writer says how many were
 * lost in one line of its own. Memory stays bounded: at most {@link #CAPACITY} queued lines plus
 * the batch being written (64 at most), each of at most {@link #MAX_LINE_CHARS} characters.
 *
 * <p>The writer thread exists only while there is something to write, and goes away after a while
 * of quiet: an idle server keeps no thread for it. A writer stuck in a blocked write is never
 * waited for beyond {@link #CLOSE_BOUND}; it is a daemon thread, so the process still exits.
 */
public final class EventLog implements AutoCloseable {
  /** Lines held while the stream is slow or blocked; more are dropped. */
  public static final int CAPACITY = 1024;

  /** Longer messages are cut here (and marked), so one event cannot take the queue's memory. */
  public static final int MAX_LINE_CHARS = 2048;

  /** How long {@link #close} waits for queued lines: long enough for a healthy pipe, no more. */
  public static final Duration CLOSE_BOUND = Duration.ofSeconds(1);

  static final String TRUNCATED = " [truncated]";
  private static final int BATCH_LINES = 64;
  private static final long IDLE_SECONDS = 30;

  private final String prefix;
  private final OutputStream out;
  private final int maxLineChars;
  private final ArrayBlockingQueue<String> queue;
  private final ThreadPoolExecutor writer;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final Object progress = new Object();
  private volatile boolean closed;
  private volatile DropCountFile dropCount;
  // Only the writer thread touches this: lines lost that the log has already owned up to.
  private long reported;
  // Guarded by progress: lines the writer is done with, written or lost.
  private long handled;

  private EventLog(
      String prefix, OutputStream out, int capacity, int maxLineChars, String threadName) {
    this.prefix = prefix;
    this.out = out;
    this.maxLineChars = maxLineChars;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer =
        new ThreadPoolExecutor(
            1,
            1,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, threadName);
              thread.setDaemon(true);
              return thread;
            });
    this.writer.allowCoreThreadTimeOut(true);
  }

  /**
   * A log writing to {@code out}, its lines starting with {@code prefix} (e.g. {@code
   * "gateway[coder pid 1234]: "}); the writer thread is called {@code threadName}.
   */
  public static EventLog to(OutputStream out, String prefix, String threadName) {
    return new EventLog(prefix, out, CAPACITY, MAX_LINE_CHARS, threadName);
  }

  /** The same with a chosen queue size and line length, for tests of the bounds. */
  static EventLog to(
      OutputStream out, String prefix, String threadName, int capacity, int maxLineChars) {
    return new EventLog(prefix, out, capacity, maxLineChars, threadName);
  }

  /**
   * The process's standard output as a stream of its own. Not {@code System.out}: the writer thread
   * may sit in a blocked write for good, holding that stream's lock, and the CLI flushes {@code
   * System.out} before it exits; sharing the lock would hang the exit behind the log.
   */
  public static OutputStream standardOutput() {
    return new FileOutputStream(FileDescriptor.out);
  }

  public void info(String message) {
    line("info", message);
  }

  public void warning(String message) {
    line("warning", message);
  }

  public void error(String message) {
    line("error", message);
  }

  /** Lines lost so far: dropped while the queue was full, or whose write failed. */
  public long linesDropped() {
    return dropped.get();
  }

  /** Keeps {@link #linesDropped()} in {@code file} too, for readers outside this process. */
  public void countDropsIn(DropCountFile file) {
    dropCount = file;
  }

  /** Collapses line breaks: a multi-line message would break the one-line-per-event contract. */
  public static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /**
   * Waits up to {@code bound} until every line logged before this call has been written (or lost);
   * false when the stream did not take them in time.
   */
  public boolean flush(Duration bound) {
    long target = accepted.get();
    long deadline = System.nanoTime() + bound.toNanos();
    synchronized (progress) {
      while (handled < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Writes what is queued, waiting at most {@link #CLOSE_BOUND}, then stops taking lines (later
   * ones are dropped). A writer stuck on a blocked stream is left behind, never waited for.
   */
  @Override
  public void close() {
    flush(CLOSE_BOUND);
    closed = true;
    writer.shutdown();
    DropCountFile file = dropCount;
    if (file != null) {
      file.flush(dropped.get());
    }
  }

  private void line(String level, String message) {
    // Cut before collapsing: a huge message costs the caller a copy of its first part only.
    String text = prefix + level + ": " + oneLine(truncate(message));
    if (closed || !queue.offer(text)) {
      lost(1);
      return;
    }
    accepted.incrementAndGet();
    if (draining.compareAndSet(false, true)) {
      try {
        writer.execute(this::drain);
      } catch (RuntimeException e) {
        // Closed meanwhile: the line stays unwritten, like any line logged after close().
        draining.set(false);
      }
    }
  }

  private String truncate(String text) {
    if (text == null || text.length() <= maxLineChars) {
      return text;
    }
    int end = maxLineChars;
    // Never split a surrogate pair: half a character would be written as '?'.
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + TRUNCATED;
  }

  /**
   * Runs on the writer thread until the queue is empty. The flag is cleared before the last look at
   * the queue, so a line queued meanwhile either is seen here or starts the next drain.
   */
  private void drain() {
    do {
      writeQueued();
      draining.set(false);
    } while (!queue.isEmpty() && draining.compareAndSet(false, true));
  }

  private void writeQueued() {
    List<String> batch = new ArrayList<>(BATCH_LINES);
    while (queue.drainTo(batch, BATCH_LINES) > 0) {
      StringBuilder text = new StringBuilder();
      for (String line : batch) {
        text.append(line).append('\n');
      }
      boolean written = write(text);
      if (!written) {
        lost(batch.size());
      }
      // The stream takes writes again: say what it missed, before anyone waiting is let go.
      long missed = dropped.get() - reported;
      if (written && missed > 0 && write(new StringBuilder(dropNotice(missed)).append('\n'))) {
        reported += missed;
        DropCountFile file = dropCount;
        if (file != null) {
          file.flush(dropped.get());
        }
      }
      synchronized (progress) {
        handled += batch.size();
        progress.notifyAll();
      }
      batch.clear();
    }
  }

  private void lost(int lines) {
    long total = dropped.addAndGet(lines);
    DropCountFile file = dropCount;
    if (file != null) {
      file.update(total);
    }
  }

  private String dropNotice(long missed) {
    return prefix
        + "warning: "
        + missed
        + " log line"
        + (missed == 1 ? "" : "s")
        + " dropped while the log was blocked";
  }

  private boolean write(CharSequence text) {
    try {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return true;
    } catch (IOException e) {
      // The logger went away (or the stream was closed): nowhere to say so but the count.
      return false;
    }
  }
}

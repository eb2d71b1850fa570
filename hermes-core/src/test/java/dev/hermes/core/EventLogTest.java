package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLogTest {
  // Generous: these bound "does not hang", not speed.
  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  private final BlockedStream blocked = new BlockedStream();

  @AfterEach
  void unblock() {
    blocked.release();
  }

  @Test
  void eachEventIsOneLineWithPrefixAndLevel() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EventLog log = EventLog.to(out, "test[pid 7]: ", "test-log");

    log.info("listening");
    log.warning("careful");
    log.error("two\n  lines\r\n");
    log.close();

    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "test[pid 7]: info: listening",
            "test[pid 7]: warning: careful",
            "test[pid 7]: error: two lines");
    assertThat(log.linesDropped()).isZero();
  }

  @Test
  void aBlockedStreamNeverBlocksTheCallerAndTheLossIsCountedThenReported() {
    EventLog log = EventLog.to(blocked, "test[pid 7]: ", "test-log", 8, 200);

    assertTimeoutPreemptively(
        PROMPTLY,
        () -> {
          for (int i = 0; i < 10_000; i++) {
            log.info("event " + i);
          }
        });
    blocked.awaitWriter();
    assertThat(log.linesDropped()).isGreaterThanOrEqualTo(10_000 - 8 - 8);

    blocked.release();
    long dropped = log.linesDropped();
    await()
        .atMost(PROMPTLY)
        .untilAsserted(
            () ->
                assertThat(blocked.text())
                    .contains(
                        "test[pid 7]: warning: "
                            + dropped
                            + " log lines dropped while the log was blocked\n"));
    List<String> events =
        blocked.text().lines().filter(l -> l.startsWith("test[pid 7]: info: ")).toList();
    assertThat(events.size() + dropped).isEqualTo(10_000);
    assertThat(events.get(0)).isEqualTo("test[pid 7]: info: event 0");

    // Healthy again: new lines get through, and the loss is not reported twice.
    log.info("after");
    log.close();
    assertThat(blocked.text()).endsWith("test[pid 7]: info: after\n");
    assertThat(blocked.text().split("dropped while the log was blocked", -1)).hasSize(2);
  }

  @Test
  void memoryIsBoundedByTheLineCountAndTheLineLength() {
    EventLog log = EventLog.to(blocked, "p: ", "test-log", 5, 100);

    log.info("x".repeat(100_000));
    blocked.awaitWriter();
    for (int i = 0; i < 1000; i++) {
      log.info("y".repeat(10_000));
    }
    blocked.release();
    log.close();

    List<String> lines = blocked.text().lines().toList();
    assertThat(lines.get(0)).isEqualTo("p: info: " + "x".repeat(100) + EventLog.TRUNCATED);
    // The queue (5) and the batch that was being written when the stream blocked (1 line).
    List<String> events = lines.stream().filter(l -> l.startsWith("p: info: ")).toList();
    assertThat(events).hasSize(6);
    assertThat(events).allMatch(l -> l.length() == "p: info: ".length() + 100 + 12);
    assertThat(log.linesDropped()).isEqualTo(1001 - 6);
  }

  @Test
  void truncationNeverSplitsACharacter() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EventLog log = EventLog.to(out, "", "test-log", 5, 3);

    log.info("ab\uD83D\uDE00cd");
    log.close();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("info: ab" + EventLog.TRUNCATED + "\n");
  }

  @Test
  void closeWritesWhatIsQueuedWhenTheStreamIsHealthy() {
    SlowStream slow = new SlowStream();
    EventLog log = EventLog.to(slow, "p: ", "test-log", 100, 100);

    for (int i = 0; i < 50; i++) {
      log.info("line " + i);
    }
    log.info("stopped");
    log.close();

    assertThat(slow.text().lines()).hasSize(51).endsWith("p: info: stopped");
  }

  @Test
  void closeGivesUpOnABlockedStreamAfterItsBound() {
    EventLog log = EventLog.to(blocked, "p: ", "test-log", 8, 100);
    log.info("first");
    blocked.awaitWriter();
    log.info("stopped");

    long started = System.nanoTime();
    assertTimeoutPreemptively(PROMPTLY, log::close);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(EventLog.CLOSE_BOUND.minusMillis(50));
    assertThat(log.flush(Duration.ofMillis(10))).isFalse();
  }

  @Test
  void linesWhoseWriteFailsAreCountedAsDropped() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    EventLog log = EventLog.to(broken, "p: ", "test-log");

    log.info("one");
    log.info("two");
    assertThat(log.flush(PROMPTLY)).isTrue();

    assertThat(log.linesDropped()).isEqualTo(2);
  }

  @Test
  void linesAfterCloseAreDroppedAndCounted() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EventLog log = EventLog.to(out, "p: ", "test-log");
    log.close();

    log.info("too late");

    assertThat(log.linesDropped()).isEqualTo(1);
    assertThat(out.size()).isZero();
  }

  /** A stream whose every write waits until {@link #release}: a pipe nobody reads. */
  private static final class BlockedStream extends OutputStream {
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch writing = new CountDownLatch(1);
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      writing.countDown();
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
      written.write(b, off, len);
    }

    /** Waits until the writer thread sits in a write. */
    void awaitWriter() {
      try {
        assertThat(writing.await(PROMPTLY.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
            .isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    void release() {
      released.countDown();
    }

    String text() {
      return written.toString(StandardCharsets.UTF_8);
    }
  }

  /** A healthy but slow reader: every write takes a few milliseconds. */
  private static final class SlowStream extends OutputStream {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
      written.write(b, off, len);
    }

    String text() {
      return written.toString(StandardCharsets.UTF_8);
    }
  }
}

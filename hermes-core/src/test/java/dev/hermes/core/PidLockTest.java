package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock as one JVM sees it: a second holder in the same process is refused like one in another
 * process (the gateway and {@code hermes up} tests cover the other process).
 */
class PidLockTest {
  private static final Duration LONG = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void aHeldLockIsRefusedUntilItIsReleased() throws IOException {
    Path file = dir.resolve("gateway.lock");
    try (PidLock held = PidLock.tryAcquire(file).orElseThrow()) {
      assertThat(PidLock.tryAcquire(file)).isEmpty();
    }
    try (PidLock again = PidLock.tryAcquire(file).orElseThrow()) {
      assertThat(file).isRegularFile();
    }
  }

  @Test
  void aWaitingAcquireTakesTheLockOnceItsHolderLetsGo() throws Exception {
    Path file = dir.resolve("gateway.lock");
    PidLock held = PidLock.tryAcquire(file).orElseThrow();
    CompletableFuture<Optional<PidLock>> waiting =
        CompletableFuture.supplyAsync(() -> acquireWithin(file, LONG));

    held.close();

    try (PidLock taken = waiting.get(LONG.toSeconds(), TimeUnit.SECONDS).orElseThrow()) {
      assertThat(PidLock.tryAcquire(file)).isEmpty();
    }
  }

  @Test
  void anInterruptEndsTheWaitForAHeldLock() throws IOException {
    Path file = dir.resolve("gateway.lock");
    try (PidLock held = PidLock.tryAcquire(file).orElseThrow()) {
      Thread.currentThread().interrupt();
      try {
        assertThat(PidLock.acquireWithin(file, LONG)).isEmpty();
      } finally {
        assertThat(Thread.interrupted()).isTrue();
      }
    }
  }

  @Test
  void theHolderRecordedInTheLockFileIsReadBack() throws IOException {
    Path file = Files.writeString(dir.resolve("up.lock"), "123456789012\n");
    try (PidLock held = PidLock.tryAcquire(file).orElseThrow()) {
      held.recordHolder(42);

      assertThat(file).hasContent("42\n");
      assertThat(PidLock.readPid(file)).hasValue(42);
    }
  }

  @Test
  void aFileWithoutOneDecimalPidHoldsNone() throws IOException {
    assertThat(PidLock.readPid(dir.resolve("absent.pid"))).isEmpty();
    for (String text : new String[] {"", "\n", "-5\n", "12 13\n", "pid\n", "9".repeat(19)}) {
      Path file = Files.writeString(dir.resolve("s6-svscan.pid"), text);
      assertThat(PidLock.readPid(file)).as(text).isEmpty();
    }
    Path link = Files.createSymbolicLink(dir.resolve("gateway.pid"), dir.resolve("s6-svscan.pid"));
    Files.writeString(dir.resolve("s6-svscan.pid"), "7\n");
    assertThat(PidLock.readPid(link)).isEmpty();
  }

  @Test
  void awaitingAPidReadsItOnceTheHolderWritesIt() throws Exception {
    Path file = dir.resolve("gateway.pid");
    CompletableFuture<OptionalLong> waiting =
        CompletableFuture.supplyAsync(() -> PidLock.awaitPid(file, LONG));

    Files.writeString(file, "4242\n");

    assertThat(waiting.get(LONG.toSeconds(), TimeUnit.SECONDS)).hasValue(4242);
  }

  @Test
  void closingTwiceDoesNothingMore() throws IOException {
    Path file = dir.resolve("gateway.lock");
    PidLock held = PidLock.tryAcquire(file).orElseThrow();
    held.close();
    held.close();
    try (PidLock again = PidLock.tryAcquire(file).orElseThrow()) {
      assertThat(again).isNotNull();
    }
  }

  private static Optional<PidLock> acquireWithin(Path file, Duration wait) {
    try {
      return PidLock.acquireWithin(file, wait);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.hermes.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A lock file that says one process runs: {@code gateway.lock} (one gateway per profile), {@code
 * run/up.lock} (one {@code hermes up} per HERMES_HOME). The kernel lock is the truth: it is
 * released whenever its holder dies, however it dies, so a crash never leaves it taken. A pid, in
 * the lock file itself ({@link #recordHolder}) or in a pid file beside it, only names the holder
 * for the one that is refused; one left behind by a dead holder is stale.
 *
 * <p>The lock file is opened through {@link OwnFiles}: a link planted at its name is refused, and
 * no file is ever created at a dangling link's target.
 */
public final class PidLock implements AutoCloseable {
  private static final long POLL_MILLIS = 20;
  private static final String PID = "\\d{1,18}";

  private final FileChannel channel;
  private final FileLock lock;

  private PidLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code lockFile}, creating the file when missing; empty when another process,
   * or another holder in this one, has it.
   *
   * @throws FileRefusedException when the lock file is a symbolic link or not a regular file
   */
  public static Optional<PidLock> tryAcquire(Path lockFile) throws IOException {
    return acquireWithin(lockFile, Duration.ZERO);
  }

  /**
   * {@link #tryAcquire}, tried again until {@code wait} has passed: for a holder that was asked to
   * exit. Empty when it still holds the lock then, or when this thread is interrupted.
   */
  public static Optional<PidLock> acquireWithin(Path lockFile, Duration wait) throws IOException {
    FileChannel channel = OwnFiles.openLock(lockFile);
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      FileLock lock = tryLock(channel);
      while (lock == null && System.nanoTime() < deadline && pause()) {
        lock = tryLock(channel);
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new PidLock(channel, lock));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Writes {@code pid} into the lock file in place of what it held, so that the one refused can
   * name the holder ({@link #readPid}) before any pid file of the holder's exists.
   */
  public void recordHolder(long pid) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
    channel.force(false);
  }

  /**
   * The pid a lock file or pid file holds; empty when the file is missing, refused, or holds
   * anything but one decimal number. Whether that process still lives is the caller's question.
   */
  public static OptionalLong readPid(Path file) {
    try {
      String text = OwnFiles.readText(file, OwnFiles.LINE_LIMIT).strip();
      return text.matches(PID) ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    } catch (IOException | FileRefusedException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * {@link #readPid}, read again until {@code wait} has passed while the file holds none: a holder
   * that just took its lock writes its pid a moment later.
   */
  public static OptionalLong awaitPid(Path file, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    OptionalLong pid = readPid(file);
    while (pid.isEmpty() && System.nanoTime() < deadline && pause()) {
      pid = readPid(file);
    }
    return pid;
  }

  /** Releases the lock; a second call does nothing. */
  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } finally {
      channel.close();
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Held by this very JVM (an in-process gateway): as taken as a lock held by another process.
      return null;
    }
  }

  /** Sleeps one poll interval; false when interrupted, which ends the wait. */
  private static boolean pause() {
    try {
      Thread.sleep(POLL_MILLIS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

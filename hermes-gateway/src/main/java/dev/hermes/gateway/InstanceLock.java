package dev.hermes.gateway;

import dev.hermes.core.FileRefusedException;
import dev.hermes.core.OwnFiles;
import dev.hermes.core.Profile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One gateway per profile. The kernel lock on {@code gateway.lock} is the truth: it is released
 * whenever its holder dies, however it dies, so a crash never leaves the profile blocked. {@code
 * gateway.pid} only says who holds it; one left behind by a killed gateway is simply replaced.
 *
 * <p>The lock is held for the whole process lifetime; {@link #close()} removes the pid file first
 * and releases the lock last, so a successor that got the lock never sees its predecessor's pid.
 */
final class InstanceLock implements AutoCloseable {
  /** Another live gateway holds the profile and we were not asked to replace it. */
  static final class AlreadyRunningException extends Exception {
    private static final long serialVersionUID = 1L;

    AlreadyRunningException(OptionalLong pid) {
      super(
          "gateway already running (PID "
              + (pid.isPresent() ? String.valueOf(pid.getAsLong()) : "unknown")
              + ")");
    }
  }

  /** A taken-over gateway that would not let go of the lock. */
  static final class TakeoverFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    TakeoverFailedException(String message) {
      super(message);
    }
  }

  // How long a holder that just got the lock may take to write its pid file.
  private static final Duration PID_APPEARS_WITHIN = Duration.ofSeconds(2);
  // After the old gateway has exited, the kernel releases its lock at once; this only covers a
  // slow exit path.
  private static final Duration LOCK_FREED_WITHIN = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 20;
  // CREATE_NEW refuses anything at the name, links included; NOFOLLOW_LINKS says so explicitly.
  private static final OpenOption[] CREATE_PID_FILE = {
    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS
  };

  private final FileChannel channel;
  private final FileLock lock;
  private final Path pidFile;
  private final long pid;
  private final OptionalLong replacedPid;

  private InstanceLock(
      FileChannel channel, FileLock lock, Path pidFile, long pid, OptionalLong replacedPid) {
    this.channel = channel;
    this.lock = lock;
    this.pidFile = pidFile;
    this.pid = pid;
    this.replacedPid = replacedPid;
  }

  /**
   * Takes the profile for process {@code pid}. With {@code replace}, a running holder gets SIGTERM,
   * then SIGKILL after {@code grace}.
   */
  static InstanceLock acquire(
      Profile profile, long pid, boolean replace, Duration grace, GatewayLog log)
      throws IOException, AlreadyRunningException, TakeoverFailedException {
    Path lockFile = profile.lockFile();
    Files.createDirectories(lockFile.toAbsolutePath().getParent());
    // Never created through a link: see OwnFiles.
    FileChannel channel = OwnFiles.openLock(lockFile);
    try {
      FileLock lock = tryLock(channel);
      OptionalLong replaced = OptionalLong.empty();
      if (lock == null) {
        OptionalLong holder = waitForPid(profile.pidFile());
        if (!replace) {
          throw new AlreadyRunningException(holder);
        }
        replaced = holder;
        lock = takeOver(channel, holder, pid, grace, log);
      }
      writePidFile(profile.pidFile(), pid, log);
      return new InstanceLock(channel, lock, profile.pidFile(), pid, replaced);
    } catch (IOException | AlreadyRunningException | TakeoverFailedException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The gateway this one replaced, if any. */
  OptionalLong replacedPid() {
    return replacedPid;
  }

  static OptionalLong readPid(Path pidFile) {
    try {
      String text = OwnFiles.readText(pidFile, OwnFiles.LINE_LIMIT).strip();
      return OptionalLong.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException | FileRefusedException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (readPid(pidFile).equals(OptionalLong.of(pid))) {
        Files.deleteIfExists(pidFile);
      }
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
      }
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

  private static OptionalLong waitForPid(Path pidFile) {
    long deadline = System.nanoTime() + PID_APPEARS_WITHIN.toNanos();
    OptionalLong pid = readPid(pidFile);
    while (pid.isEmpty() && System.nanoTime() < deadline && pause()) {
      pid = readPid(pidFile);
    }
    return pid;
  }

  private static FileLock takeOver(
      FileChannel channel, OptionalLong holder, long self, Duration grace, GatewayLog log)
      throws IOException, TakeoverFailedException {
    Optional<ProcessHandle> old =
        holder.isPresent() && holder.getAsLong() != self
            ? ProcessHandle.of(holder.getAsLong())
            : Optional.empty();
    Duration lockWait = LOCK_FREED_WITHIN;
    if (old.isPresent()) {
      log.info("replacing the running gateway (PID " + holder.getAsLong() + "): sending SIGTERM");
      stop(old.get(), grace, log);
    } else {
      // No process to signal: wait for whoever holds the lock to let go on its own.
      lockWait = grace.plus(LOCK_FREED_WITHIN);
    }
    long deadline = System.nanoTime() + lockWait.toNanos();
    while (true) {
      FileLock lock = tryLock(channel);
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() >= deadline || !pause()) {
        throw new TakeoverFailedException(
            "could not replace the running gateway: gateway.lock is still held");
      }
    }
  }

  private static void stop(ProcessHandle old, Duration grace, GatewayLog log)
      throws TakeoverFailedException {
    old.destroy();
    if (awaitExit(old, grace)) {
      return;
    }
    log.warning(
        "gateway PID " + old.pid() + " still running after " + grace.toSeconds() + "s: killing it");
    old.destroyForcibly();
    if (!awaitExit(old, LOCK_FREED_WITHIN)) {
      throw new TakeoverFailedException(
          "could not replace the running gateway: PID " + old.pid() + " survived SIGKILL");
    }
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static void writePidFile(Path pidFile, long pid, GatewayLog log) throws IOException {
    byte[] content = (pid + "\n").getBytes(StandardCharsets.US_ASCII);
    try {
      Files.write(pidFile, content, CREATE_PID_FILE);
    } catch (FileAlreadyExistsException e) {
      // We hold the lock, so whoever wrote this file is gone.
      log.info("removing stale gateway.pid (PID " + describe(readPid(pidFile)) + ")");
      Files.deleteIfExists(pidFile);
      Files.write(pidFile, content, CREATE_PID_FILE);
    }
  }

  private static String describe(OptionalLong pid) {
    return pid.isPresent() ? String.valueOf(pid.getAsLong()) : "unknown";
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

package dev.hermes.gateway;

import dev.hermes.core.PidLock;
import dev.hermes.core.Profile;
import java.io.IOException;
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
 * One gateway per profile: a {@link PidLock} on {@code gateway.lock}, which a crash never leaves
 * taken. {@code gateway.pid} only says who holds it; one left behind by a killed gateway is simply
 * replaced.
 *
 * <p>The lock is held for the whole process lifetime; {@link #close()} removes the pid file first
 * and releases the lock last, so a successor that got the lock never sees its predecessor's pid.
 */
final class InstanceLock implements AutoCloseable {
  /** Another live gateway holds the profile and we were not asked to replace it. */
  static final class AlreadyRunningException extends Exception {
    private static final long serialVersionUID = 1L;

    AlreadyRunningException(OptionalLong pid) {
      super("gateway already running (PID " + describe(pid) + ")");
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
  // CREATE_NEW refuses anything at the name, links included; NOFOLLOW_LINKS says so explicitly.
  private static final OpenOption[] CREATE_PID_FILE = {
    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS
  };

  private final PidLock lock;
  private final Path pidFile;
  private final long pid;
  private final OptionalLong replacedPid;

  private InstanceLock(PidLock lock, Path pidFile, long pid, OptionalLong replacedPid) {
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
    Optional<PidLock> free = PidLock.tryAcquire(lockFile);
    OptionalLong replaced = OptionalLong.empty();
    PidLock lock;
    if (free.isPresent()) {
      lock = free.get();
    } else {
      OptionalLong holder = PidLock.awaitPid(profile.pidFile(), PID_APPEARS_WITHIN);
      if (!replace) {
        throw new AlreadyRunningException(holder);
      }
      replaced = holder;
      lock = takeOver(lockFile, holder, pid, grace, log);
    }
    try {
      writePidFile(profile.pidFile(), pid, log);
      return new InstanceLock(lock, profile.pidFile(), pid, replaced);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The gateway this one replaced, if any. */
  OptionalLong replacedPid() {
    return replacedPid;
  }

  @Override
  public void close() throws IOException {
    try {
      if (PidLock.readPid(pidFile).equals(OptionalLong.of(pid))) {
        Files.deleteIfExists(pidFile);
      }
    } finally {
      lock.close();
    }
  }

  private static PidLock takeOver(
      Path lockFile, OptionalLong holder, long self, Duration grace, GatewayLog log)
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
    return PidLock.acquireWithin(lockFile, lockWait)
        .orElseThrow(
            () ->
                new TakeoverFailedException(
                    "could not replace the running gateway: gateway.lock is still held"));
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
      log.info("removing stale gateway.pid (PID " + describe(PidLock.readPid(pidFile)) + ")");
      Files.deleteIfExists(pidFile);
      Files.write(pidFile, content, CREATE_PID_FILE);
    }
  }

  private static String describe(OptionalLong pid) {
    return pid.isPresent() ? String.valueOf(pid.getAsLong()) : "unknown";
  }
}

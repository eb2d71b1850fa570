package dev.hermes.supervision.s6;

import dev.hermes.core.AtomicFiles;
import dev.hermes.core.HermesException;
import dev.hermes.core.PidLock;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The s6-svscan that {@code hermes up} runs on {@code $HERMES_HOME/run/service}: one per
 * HERMES_HOME, guarded by a lock on {@code run/up.lock} (which holds the pid of the {@code hermes
 * up} holding it) for as long as the {@code hermes up} process lives, the scanner's pid published
 * in {@code run/s6-svscan.pid} so other terminals find it.
 *
 * <p>The scanner runs in a process group of its own ({@code s6-setsid -b}): a Ctrl-C in the
 * terminal reaches {@code hermes up} alone, which then stops the tree in order with {@code
 * s6-svscanctl -t} (every gateway brought down, loggers flushed) instead of every process receiving
 * SIGINT at once and the supervisors restarting gateways that are being torn down.
 *
 * <p>Every file of the tree is checked with {@link TreeOwnership} before it is used, and the
 * scanner runs with umask 022, so what s6 and the scripts create (supervise and log directories)
 * passes the same check at the next start.
 */
public final class LocalSupervisor implements AutoCloseable {
  /** Sized for well over 1000 gateway slots, each with a logger. */
  public static final int MAX_SERVICES = 4000;

  private static final Duration CONTROL_WAIT = Duration.ofSeconds(10);

  private final S6Tools tools;
  private final TreeOwnership ownership;
  private final Path scandir;
  private final Path pidFile;
  private final PidLock lock;
  private Process scanner;

  private LocalSupervisor(
      S6Tools tools, TreeOwnership ownership, Path scandir, Path pidFile, PidLock lock) {
    this.tools = tools;
    this.ownership = ownership;
    this.scandir = scandir;
    this.pidFile = pidFile;
    this.lock = lock;
  }

  /**
   * Takes the HERMES_HOME's {@code hermes up} lock and checks that s6 is installed; refuses when
   * another {@code hermes up}, or a scanner a killed one left behind, still supervises it. The run
   * directory, the lock and the pid file must pass {@code ownership}.
   */
  public static LocalSupervisor claim(
      S6Tools tools, TreeOwnership ownership, Path runDir, Path scandir) {
    for (String tool : List.of("s6-svscan", "s6-svscanctl", "s6-setsid", "s6-supervise")) {
      if (!Files.isExecutable(Path.of(tools.tool(tool)))) {
        throw new HermesException(
            "s6 is not installed ("
                + tool
                + " not found in "
                + tools.binDir()
                + "): install it with 'apt-get install s6 execline', or set HERMES_S6_BIN_DIR");
      }
    }
    Path pidFile = runDir.resolve("s6-svscan.pid");
    Path lockFile = runDir.resolve("up.lock");
    ownership.requireDirectory(runDir);
    ownership.requireFileOrAbsent(lockFile);
    ownership.requireFileOrAbsent(pidFile);
    PidLock lock = null;
    try {
      lock =
          PidLock.tryAcquire(lockFile)
              .orElseThrow(
                  () ->
                      new HermesException(
                          "hermes up is already running for "
                              + runDir.getParent()
                              + describeHolder(pidFile, lockFile)
                              + ": stop it with Ctrl-C in its terminal first"));
      LocalSupervisor claimed = new LocalSupervisor(tools, ownership, scandir, pidFile, lock);
      if (Files.exists(scandir.resolve(".s6-svscan/control")) && claimed.scannerAnswers()) {
        claimed.close();
        throw new HermesException(
            "an s6-svscan left by an earlier hermes up still supervises "
                + scandir
                + describeScanner(pidFile)
                + ": stop it with 's6-svscanctl -t "
                + scandir
                + "' first");
      }
      claimed.recordHolder();
      return claimed;
    } catch (IOException e) {
      closeQuietly(lock);
      throw new UncheckedIOException(
          "could not lock " + runDir.resolve("up.lock") + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(lock);
      throw e;
    }
  }

  public Path scandir() {
    return scandir;
  }

  /** Creates the scandir, or checks everything already in it, before anything is written there. */
  public void prepareScandir() {
    ownership.requireTree(scandir);
  }

  /**
   * Starts s6-svscan on the scandir with {@code environment} added to this process's, its output on
   * this process's stdout and stderr, and publishes its pid once it accepts commands. The scandir
   * is checked once more right before: the slots were just (re)written.
   */
  public long start(Map<String, String> environment) {
    ownership.requireTree(scandir);
    // sh sets the umask and execs: s6-svscan keeps the pid the Process object knows.
    List<String> command =
        new ArrayList<>(
            List.of(
                "/bin/sh",
                "-c",
                "umask 022 && exec \"$@\"",
                "sh",
                tools.tool("s6-setsid"),
                "-bq",
                "--"));
    command.addAll(ScannerCommand.forScandir(tools, MAX_SERVICES, scandir.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(environment);
    try {
      scanner = builder.start();
    } catch (IOException e) {
      throw new HermesException("could not start s6-svscan: " + e.getMessage());
    }
    long deadline = System.nanoTime() + CONTROL_WAIT.toNanos();
    while (!Files.exists(scandir.resolve(".s6-svscan/control"))) {
      if (!scanner.isAlive()) {
        throw new HermesException(
            "s6-svscan exited at once (rc=" + scanner.exitValue() + ") on " + scandir);
      }
      if (System.nanoTime() > deadline) {
        scanner.destroy();
        throw new HermesException("s6-svscan did not start on " + scandir + " within 10s");
      }
      pause(10);
    }
    AtomicFiles.write(
        pidFile,
        (scanner.pid() + "\n").getBytes(StandardCharsets.UTF_8),
        AtomicFiles.OWNER_WRITE_ALL_READ);
    return scanner.pid();
  }

  /**
   * Asks the scanner to bring every service down and exit ({@code s6-svscanctl -t}); loggers drain
   * first, so no log line is lost. Returns false when the request could not be sent.
   */
  public boolean requestStop() {
    boolean sent = svscanctl("-t");
    endBackoffs();
    return sent;
  }

  /**
   * Ends the waits of finish scripts that back off after a crash. s6-supervise tells a running
   * finish nothing when the scanner goes away (s6 keeps "wanted up" as it was), so each would hold
   * the shutdown up for the rest of its wait, minutes for a gateway queued in the fleet's restart
   * budget. A finish reads a removed {@value BackoffFile#NAME} as a stop at its next one-second
   * step. After {@code -t}, so that its supervisor, already stopping, does not restart the gateway.
   */
  private void endBackoffs() {
    try (DirectoryStream<Path> slots = Files.newDirectoryStream(scandir, "gateway-*")) {
      for (Path slot : slots) {
        Files.deleteIfExists(slot.resolve(BackoffFile.NAME));
      }
    } catch (IOException e) {
      // The scanner stops all the same, once the waits are over.
    }
  }

  /** Waits for the scanner to exit; returns its exit code. */
  public int awaitExit() throws InterruptedException {
    return scanner.waitFor();
  }

  /** Waits up to {@code timeout}; returns true when the scanner has exited. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return scanner.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Last resort when the tree does not stop: kills the scanner and everything under it. */
  public void kill() {
    if (scanner != null) {
      scanner.descendants().forEach(ProcessHandle::destroyForcibly);
      scanner.destroyForcibly();
    }
  }

  /** Removes the pid file and releases the lock. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      // A stale pid file names a dead process: readers check /proc before trusting it.
    }
    closeQuietly(lock);
  }

  private boolean scannerAnswers() {
    return svscanctl("-z");
  }

  private boolean svscanctl(String command) {
    try {
      Process p =
          new ProcessBuilder(tools.tool("s6-svscanctl"), command, scandir.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The lock holder's pid goes into the lock file, and a pid file a killed {@code hermes up} left
   * is removed: s6-svscan's pid is only published once the slots are rebuilt and the scanner
   * answers, which takes a while with many profiles, and until then a second {@code hermes up}
   * could name no process at all, or a dead one.
   */
  private void recordHolder() throws IOException {
    lock.recordHolder(ProcessHandle.current().pid());
    Files.deleteIfExists(pidFile);
  }

  /**
   * {@code " (s6-svscan PID n)"} once the holder's scanner runs; before that (and while it stops)
   * {@code " (hermes up PID m; its s6-svscan is not running)"}; empty when neither file names a
   * live process.
   */
  static String describeHolder(Path pidFile, Path lockFile) {
    String scanner = describeScanner(pidFile);
    if (!scanner.isEmpty()) {
      return scanner;
    }
    return livePid(lockFile)
        .map(pid -> " (hermes up PID " + pid + "; its s6-svscan is not running)")
        .orElse("");
  }

  /** {@code " (s6-svscan PID n)"} when the pid file names a live process, else empty. */
  static String describeScanner(Path pidFile) {
    return livePid(pidFile).map(pid -> " (s6-svscan PID " + pid + ")").orElse("");
  }

  /** The pid a file holds when it names a live process. */
  private static Optional<Long> livePid(Path file) {
    OptionalLong pid = PidLock.readPid(file);
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
  }

  private static void closeQuietly(PidLock lock) {
    if (lock == null) {
      return;
    }
    try {
      lock.close();
    } catch (IOException e) {
      // Closing the channel releases the lock even when releasing it failed.
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.hermes.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One boot of a container, running in the foreground: its combined output goes to a log file, its
 * exit code is the container's. Signals go to the container's PID 1 (docker stop / docker kill).
 */
final class Boot {
  private final Process process;
  private final Path log;
  private final Consumer<String> signaller;

  Boot(Process process, Path log, Consumer<String> signaller) {
    this.process = process;
    this.log = log;
    this.signaller = signaller;
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean running() {
    return process.isAlive();
  }

  /** Waits for the container to exit and returns its exit code; fails after the timeout. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            "the container did not exit within " + timeout + "; output:\n" + output());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return process.exitValue();
  }

  /** SIGTERM to PID 1, as {@code docker stop} sends. */
  void stop() {
    signaller.accept("TERM");
  }

  /** SIGKILL to PID 1: the container dies without any shutdown. */
  void kill() {
    signaller.accept("KILL");
  }

  /** Makes sure nothing of this boot runs any more. */
  void destroy() {
    if (process.isAlive()) {
      kill();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

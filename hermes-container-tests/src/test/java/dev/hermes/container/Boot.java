package dev.hermes.container;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One boot of a container, attached in the foreground as {@code docker run} is: its stdout and
 * stderr each go to a file (with a terminal both are the terminal's, in {@link #out()}), its exit
 * code is the container's.
 */
final class Boot {
  private final Container container;
  private final Process process;
  private final Path out;
  private final Path err;

  Boot(Container container, Process process, Path out, Path err) {
    this.container = container;
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** What the container printed on stdout so far. */
  String out() {
    return read(out);
  }

  /** What it printed on stderr so far. */
  String err() {
    return read(err);
  }

  /** Both, for messages. */
  String output() {
    return "stdout:\n" + out() + "\nstderr:\n" + err();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean running() {
    return process.isAlive();
  }

  /** Types {@code text} on the terminal (a boot with a terminal only). */
  void type(String text) {
    try {
      OutputStream in = process.getOutputStream();
      in.write(text.getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** {@code docker stop} with a generous grace time; returns once the container has exited. */
  void stop() {
    ExecResult r = container.stop(Duration.ofSeconds(30));
    if (!r.ok()) {
      throw new AssertionError("docker stop failed: " + r);
    }
  }

  /** {@code docker kill}: SIGKILL, the container dies without any shutdown. */
  void kill() {
    container.kill("KILL");
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

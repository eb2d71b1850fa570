package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real {@code hermes up} in the background, its output in a file. Stopped with SIGTERM (the clean
 * path) or killed with its whole process tree (a container dying); whatever it started is killed by
 * pid when the test ends, never by name.
 */
public final class HermesUp implements AutoCloseable {
  private final Process process;
  private final Path output;

  private HermesUp(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts {@code hermes up} and waits until it says it supervises the gateways. */
  public static HermesUp start(HermesCli cli, Path output) {
    try {
      Process process =
          cli.builder("up")
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      HermesUp up = new HermesUp(process, output);
      try {
        await("hermes up supervising the gateways")
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () -> {
                  if (up.output().contains("Press Ctrl-C to stop every gateway.")) {
                    return true;
                  }
                  assertThat(process.isAlive()).as("hermes up runs").isTrue();
                  return false;
                });
      } catch (ConditionTimeoutException | AssertionError e) {
        up.kill();
        throw new AssertionError("hermes up did not come up:\n" + up.output(), e);
      }
      return up;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, then waits for the exit code. */
  public int stop(Duration timeout) {
    process.destroy();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new AssertionError("hermes up did not stop within " + timeout + ":\n" + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * SIGKILL to hermes up and every process under it at once, as when a container dies. The tree is
   * frozen first (SIGSTOP) so no supervisor can start a replacement between two kills.
   */
  public void kill() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    signal("-STOP", tree);
    for (ProcessHandle p : process.descendants().toList()) {
      if (!tree.contains(p)) {
        tree.add(p);
      }
    }
    signal("-KILL", tree);
    for (ProcessHandle p : tree) {
      p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> p).join();
    }
  }

  private static void signal(String signal, List<ProcessHandle> processes) {
    List<String> command = new ArrayList<>(List.of("kill", signal));
    processes.forEach(p -> command.add(Long.toString(p.pid())));
    try {
      new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive() || process.descendants().findAny().isPresent()) {
      kill();
    }
  }
}

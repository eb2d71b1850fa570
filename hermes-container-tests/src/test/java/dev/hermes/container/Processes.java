package dev.hermes.container;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs host programs for the harness, with a deadline. */
final class Processes {
  private Processes() {}

  static ExecResult run(List<String> command, Map<String, String> env, Duration timeout) {
    return run(command, env, timeout, null);
  }

  /** As {@link #run(List, Map, Duration)}, in {@code directory} (null: the current one). */
  static ExecResult run(
      List<String> command, Map<String, String> env, Duration timeout, Path directory) {
    try {
      Path out = Files.createTempFile("container-test", ".out");
      Path err = Files.createTempFile("container-test", ".err");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        if (directory != null) {
          builder.directory(directory.toFile());
        }
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new ExecResult(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static boolean succeeds(String... command) {
    try {
      return run(List.of(command), Map.of(), Duration.ofSeconds(60)).ok();
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /** A word for sh -c: single-quoted unless it needs nothing. */
  static String shellQuote(String word) {
    if (word.matches("[A-Za-z0-9_./:=@%+-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /**
   * Starts a foreground command with its stdout in {@code out} and its stderr in {@code err}; its
   * stdin is a pipe that stays open (what {@link Boot#type} writes to).
   */
  static Process start(List<String> command, Path out, Path err) {
    try {
      return new ProcessBuilder(command)
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command run under a pseudo-terminal of 33 rows by 123 columns (util-linux script). */
  static List<String> underTerminal(List<String> command) {
    StringBuilder line = new StringBuilder("stty rows 33 cols 123; exec");
    for (String word : command) {
      line.append(' ').append(shellQuote(word));
    }
    return List.of("script", "-qefc", line.toString(), "/dev/null");
  }
}

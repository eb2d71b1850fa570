package dev.hermes.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs commands as real processes, with a deadline; a command past it is killed. */
public final class ProcessCommandRunner implements CommandRunner {
  @Override
  public CommandResult run(List<String> command, Duration timeout) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      return new CommandResult(-1, "", "cannot run " + command.get(0) + ": " + e.getMessage());
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new CommandResult(
            -1, "", command.get(0) + " timed out after " + timeout.toMillis() + " ms");
      }
      return new CommandResult(process.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return new CommandResult(-1, "", "interrupted");
    } catch (IOException e) {
      return new CommandResult(-1, "", e.getMessage());
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }
}

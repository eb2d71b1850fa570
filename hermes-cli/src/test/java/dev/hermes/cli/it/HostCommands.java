package dev.hermes.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the integration tests that change the host (mounts, users) ask of it. */
final class HostCommands {
  private HostCommands() {}

  static boolean isRoot() throws IOException {
    return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
  }

  /** Runs a command to completion; null when it succeeded, else what it said. */
  static String run(Object... command) throws IOException, InterruptedException {
    List<String> words = Stream.of(command).map(String::valueOf).toList();
    Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return String.join(" ", words) + " did not finish";
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.exitValue() == 0 ? null : String.join(" ", words) + ": " + output.strip();
  }
}

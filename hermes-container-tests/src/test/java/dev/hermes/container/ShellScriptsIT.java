package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shell script of the repository passes ShellCheck; the container's scripts (the image's
 * files and its build scripts) are checked as POSIX sh, and each of them opens with a header saying
 * who runs it and why.
 */
class ShellScriptsIT {
  @Test
  void everyScriptPassesShellCheck() throws IOException {
    assumeTrue(Processes.succeeds("sh", "-c", "command -v shellcheck"), "skipped: no shellcheck");
    List<String> failures = new ArrayList<>();
    for (Path script : scripts()) {
      List<String> command = new ArrayList<>(List.of("shellcheck", "-x"));
      if (script.startsWith(Repo.CONTAINER)) {
        command.addAll(List.of("-s", "sh", "-P", Repo.CONTAINER.resolve("rootfs").toString()));
      }
      command.add(Repo.ROOT.relativize(script).toString());
      // From the repository root, where the scripts' relative sources resolve.
      ExecResult r = Processes.run(command, Map.of(), Duration.ofMinutes(1), Repo.ROOT);
      if (!r.ok()) {
        failures.add(script + ":\n" + r.out() + r.err());
      }
    }
    assertThat(failures).as("ShellCheck findings").isEmpty();
  }

  @Test
  void everyContainerScriptIsPosixShAndSaysWhoRunsItAndWhy() throws IOException {
    List<Path> container = scripts().stream().filter(p -> p.startsWith(Repo.CONTAINER)).toList();
    assertThat(container).hasSizeGreaterThan(10);
    for (Path script : container) {
      List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
      String header = String.join("\n", lines.subList(0, Math.min(lines.size(), 40)));
      assertThat(lines.get(0))
          .as(script.toString())
          .isIn("#!/bin/sh", "#!/command/with-contenv sh", "# shellcheck shell=sh");
      assertThat(header).as(script + " says who runs it").contains("Who runs it:");
      assertThat(header).as(script + " says why").contains("Why:");
    }
  }

  /** Files whose first line names sh (or that declare shell=sh), outside build outputs. */
  static List<Path> scripts() throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Repo.ROOT)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String rel = Repo.ROOT.relativize(file).toString();
        if (rel.startsWith(".git/") || rel.contains("/target/") || rel.startsWith("target/")) {
          continue;
        }
        String first = firstLine(file);
        if (first.matches("#!.*\\b(sh|bash|with-contenv sh)$")
            || first.equals("# shellcheck shell=sh")) {
          found.add(file);
        }
      }
    }
    return found;
  }

  private static String firstLine(Path file) {
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      return line == null ? "" : line;
    } catch (IOException | java.io.UncheckedIOException e) {
      return "";
    }
  }
}

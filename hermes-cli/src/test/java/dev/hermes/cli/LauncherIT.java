package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built jar through {@code bin/hermes} as a separate process, the way operators do. */
class LauncherIT {
  static final Path LAUNCHER = Path.of("..", "bin", "hermes").toAbsolutePath().normalize();

  @TempDir Path home;
  @TempDir Path cache;

  record Result(int code, String out, String err) {}

  Result hermes(Map<String, String> extraEnv, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("HERMES_HOME", home.toString());
    builder.environment().put("HERMES_CACHE_DIR", cache.toString());
    builder.environment().putAll(extraEnv);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("hermes finished").isTrue();
    Result result =
        new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  @Test
  void runsTheBuiltJarAndReportsASourceInstall() throws Exception {
    Result version = hermes(Map.of(), "--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).matches("hermes \\d+\\.\\d+\\.\\d+.*\\n");
    assertThat(version.err()).isEmpty();

    Result status = hermes(Map.of(), "status");
    assertThat(status.out()).contains("Install method: source").contains("HERMES_HOME:    " + home);
  }

  @Test
  void buildsAClassDataCacheOnFirstRunAndStaysSilent() throws Exception {
    Result first = hermes(Map.of(), "profile", "create", "coder");
    assertThat(first.code()).isZero();
    assertThat(first.err()).isEmpty();
    try (var files = Files.list(cache)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .anyMatch(n -> n.startsWith("hermes-") && (n.endsWith(".aot") || n.endsWith(".jsa")))
          .noneMatch(n -> n.endsWith(".tmp"));
    }
    Result second = hermes(Map.of(), "profile", "list");
    assertThat(second.out()).startsWith("PROFILE").contains("coder");
    assertThat(second.err()).isEmpty();
  }

  @Test
  void runsWithoutACacheWhenTheCacheDirectoryIsNotWritable() throws Exception {
    // A path below a regular file cannot be created, even by root (CI runs as root).
    Path blocker = Files.writeString(home.resolve("not-a-dir"), "x");
    Result r = hermes(Map.of("HERMES_CACHE_DIR", blocker.resolve("sub").toString()), "--version");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void errorsAreOneLineAndExitNonZero() throws Exception {
    Result r = hermes(Map.of(), "profile", "create", "Nope");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("hermes: error: profile name must match [a-z0-9][a-z0-9_-]*, got 'Nope'\n");
  }
}

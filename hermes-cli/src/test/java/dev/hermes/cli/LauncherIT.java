package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.Version;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
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

  @Test
  @EnabledOnOs(OS.LINUX) // reads the JVM's command line from /proc
  void gatewayRunGetsTheGatewayFlagsAndItsOwnCacheAndStopsOnSigterm() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = socket.getLocalPort();
    }
    Files.writeString(home.resolve("config.yaml"), "gateway:\n  port: " + port + "\n");
    ProcessBuilder builder =
        new ProcessBuilder(LAUNCHER.toString(), "gateway", "run", "--replace")
            .redirectOutput(home.resolve("gateway.out").toFile())
            .redirectError(home.resolve("gateway.err").toFile());
    builder.environment().put("HERMES_HOME", home.toString());
    builder.environment().put("HERMES_CACHE_DIR", cache.toString());
    builder.environment().put("HERMES_GATEWAY_JAVA_OPTS", "-Dhermes.test.marker=1");
    builder.environment().remove("HERMES_JAVA_OPTS");
    Process gateway = builder.start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest health =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
              .timeout(Duration.ofSeconds(2))
              .build();
      // The first start trains the gateway's cache first: seconds on a busy machine.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      int status = 0;
      while (status != 200 && gateway.isAlive() && System.nanoTime() < deadline) {
        try {
          status = client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
          Thread.sleep(100);
        }
      }
      assertThat(status).as("/health of the launched gateway").isEqualTo(200);

      // The launcher execs: the process it started is the JVM, with the gateway's flags.
      String commandLine =
          Files.readString(Path.of("/proc", Long.toString(gateway.pid()), "cmdline"))
              .replace('\0', ' ');
      assertThat(commandLine)
          .contains("-Xms8m", "-XX:NewSize=2m", "-Dhermes.test.marker=1")
          .contains(cache.resolve("hermes-gateway-").toString())
          .endsWith("dev.hermes.cli.Main gateway run --replace ");
      try (var files = Files.list(cache)) {
        assertThat(files.map(p -> p.getFileName().toString()).toList())
            .anyMatch(n -> n.startsWith("hermes-gateway-"))
            .noneMatch(n -> n.endsWith(".tmp"));
      }

      gateway.destroy(); // SIGTERM
      assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).as("gateway stopped").isTrue();
      assertThat(gateway.exitValue()).isZero();
      assertThat(Files.readString(home.resolve("gateway.out"))).contains("info: stopped");
    } finally {
      gateway.destroyForcibly();
    }
  }

  @Test
  void otherCommandsGetNeitherTheGatewayFlagsNorItsOptions() throws Exception {
    Result r =
        hermes(
            Map.of(
                "HERMES_JAVA_OPTS", "-XX:+PrintCommandLineFlags",
                "HERMES_GATEWAY_JAVA_OPTS", "-XX:+PrintFlagsFinal"),
            "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("-XX:+PrintCommandLineFlags")
        .doesNotContain("PrintFlagsFinal")
        .doesNotContain("ArchiveRelocationMode")
        .doesNotContain("TrimNativeHeapInterval")
        .endsWith("hermes " + Version.get() + "\n");
  }
}

package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hermes.cli.it.HermesCli;
import dev.hermes.cli.it.HermesCli.Result;
import dev.hermes.cli.it.SystemUser;
import dev.hermes.core.Version;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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
  /** The flag that loads a cache: JDK 25's AOT cache or JDK 17's dynamic CDS archive. */
  private static final String CACHE_FLAG = "-XX:(AOTCache|SharedArchiveFile)=";

  private static final int NOBODY = 65534;

  @TempDir Path home;
  @TempDir Path cache;
  @TempDir Path tools;

  /** {@code hermes ARGS} with this test's HERMES_HOME and its own, initially empty, cache. */
  private HermesCli cli(Map<String, String> extraEnv) {
    HermesCli cli = new HermesCli(home, home).env("HERMES_CACHE_DIR", cache.toString());
    extraEnv.forEach(cli::env);
    return cli;
  }

  Result hermes(Map<String, String> extraEnv, String... args) {
    return cli(extraEnv).run(args);
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
  void aTrainingInProgressIsNotStartedTwiceAndAStaleLockIsTakenOver() throws Exception {
    assertThat(hermes(Map.of(), "--version").code()).isZero();
    Path made;
    try (var files = Files.list(cache)) {
      made = files.filter(p -> p.getFileName().toString().startsWith("hermes-")).findFirst().get();
    }
    Files.delete(made);
    Path lock = made.resolveSibling(made.getFileName() + ".lock");
    Files.createDirectory(lock);

    Result meanwhile = hermes(Map.of(), "--version");
    assertThat(meanwhile.code()).isZero();
    assertThat(meanwhile.err()).isEmpty();
    assertThat(made).as("no second training while one holds the lock").doesNotExist();
    assertThat(lock).isDirectory();

    Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis() - 600_000));
    assertThat(hermes(Map.of(), "--version").code()).isZero();
    assertThat(made).as("a lock ten minutes old is taken over").isRegularFile();
    assertThat(lock).doesNotExist();
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
  @EnabledOnOs(OS.LINUX)
  void aCacheSomeoneElseCouldHaveWrittenIsNeverLoaded() throws Exception {
    assumeTrue(SystemUser.isRoot(), "needs root to give the cache to another uid");
    Map<String, String> flags = Map.of("HERMES_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
    assertThat(hermes(flags, "--version").out())
        .as("the cache is made and used")
        .containsPattern(CACHE_FLAG);
    Path file;
    try (var files = Files.list(cache)) {
      file = files.filter(p -> p.getFileName().toString().startsWith("hermes-")).findFirst().get();
    }

    Files.setAttribute(cache, "unix:uid", NOBODY);
    assertThat(hermes(flags, "--version").out())
        .as("a cache directory owned by another uid")
        .doesNotContainPattern(CACHE_FLAG);
    Files.setAttribute(cache, "unix:uid", 0);

    // Root may write any directory, so it trains a fresh file of its own over such a file
    // rather than loading it.
    Files.setAttribute(file, "unix:uid", NOBODY);
    assertThat(hermes(flags, "--version").code()).isZero();
    assertThat(SystemUser.ownerOf(file)).as("a cache file of another uid, replaced").isZero();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
    assertThat(hermes(flags, "--version").code()).isZero();
    assertThat(Files.getPosixFilePermissions(file))
        .as("a group-writable cache file, replaced")
        .doesNotContain(PosixFilePermission.GROUP_WRITE);

    Path userCache = Files.createDirectories(home.resolve("user-home/.cache/hermes"));
    Files.setAttribute(home.resolve("user-home"), "unix:uid", NOBODY);
    Files.setAttribute(home.resolve("user-home/.cache"), "unix:uid", NOBODY);
    Files.setAttribute(userCache, "unix:uid", NOBODY);
    Result sudoWithoutH =
        cli(Map.of())
            .env("HERMES_CACHE_DIR", "")
            .env("XDG_CACHE_HOME", "")
            .env("HOME", home.resolve("user-home").toString())
            .env("HERMES_JAVA_OPTS", "-XX:+PrintCommandLineFlags")
            .run("--version");
    assertThat(sudoWithoutH.out())
        .as("root with HOME set to another user's home")
        .doesNotContainPattern(CACHE_FLAG);
    try (var files = Files.list(userCache)) {
      assertThat(files.toList()).as("nothing written into the other user's cache").isEmpty();
    }
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
    int port = freePort();
    Files.writeString(home.resolve("config.yaml"), "gateway:\n  port: " + port + "\n");
    String commandLine =
        serveAndStop(
            Map.of("HERMES_GATEWAY_JAVA_OPTS", "-Dhermes.test.marker=1"),
            port,
            "/health",
            "gateway",
            "run",
            "--replace");
    assertThat(commandLine)
        .contains("-Xms8m", "-XX:NewSize=2m", "-Dhermes.test.marker=1")
        .contains(cache.resolve("hermes-gateway-").toString())
        .endsWith("dev.hermes.cli.Main gateway run --replace ");
    assertThat(cacheFiles()).anyMatch(n -> n.startsWith("hermes-gateway-"));
  }

  @Test
  @EnabledOnOs(OS.LINUX) // reads the JVM's command line from /proc
  void theDashboardGetsItsFlagsAndItsOwnCacheAndStopsOnSigterm() throws Exception {
    int port = freePort();
    String commandLine =
        serveAndStop(
            Map.of("HERMES_GATEWAY_JAVA_OPTS", "-Dhermes.test.marker=1"),
            port,
            "/api/session",
            "dashboard",
            "--port",
            Integer.toString(port));
    assertThat(commandLine)
        .contains("-Xms8m", "-Xmx64m", "-XX:MaxHeapFreeRatio=30", "-XX:-UsePerfData")
        .contains(cache.resolve("hermes-dashboard-").toString())
        .doesNotContain("hermes.test.marker")
        .doesNotContain("ArchiveRelocationMode")
        .endsWith("dev.hermes.cli.Main dashboard --port " + port + " ");
    assertThat(cacheFiles())
        .anyMatch(n -> n.startsWith("hermes-dashboard-"))
        .noneMatch(n -> n.startsWith("hermes-gateway-"));
  }

  /**
   * Starts {@code hermes ARGS}, waits until {@code path} on {@code port} answers 200 (the first
   * start trains the server's cache first: seconds on a busy machine), stops it with SIGTERM and
   * expects exit 0. Returns the JVM's command line, read while it served.
   */
  private String serveAndStop(Map<String, String> env, int port, String path, String... args)
      throws Exception {
    ProcessBuilder builder =
        cli(env)
            .builder(args)
            .redirectOutput(home.resolve("server.out").toFile())
            .redirectError(home.resolve("server.err").toFile());
    Process server = builder.start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(2))
              .build();
      await(path + " of the launched server answering 200")
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                assertThat(server.isAlive()).as("the launched server runs").isTrue();
                try {
                  return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                  return -1;
                }
              },
              status -> status == 200);

      // The launcher execs: the process it started is the JVM.
      String commandLine =
          Files.readString(Path.of("/proc", Long.toString(server.pid()), "cmdline"))
              .replace('\0', ' ');

      server.destroy(); // SIGTERM
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server stopped").isTrue();
      assertThat(server.exitValue()).isZero();
      assertThat(Files.readString(home.resolve("server.out"))).contains("info: stopped");
      assertThat(cacheFiles()).noneMatch(n -> n.endsWith(".tmp"));
      return commandLine;
    } finally {
      server.destroyForcibly();
    }
  }

  private List<String> cacheFiles() throws IOException {
    try (var files = Files.list(cache)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
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

  @Test
  @EnabledOnOs(OS.LINUX) // the launcher reads the inherited signal mask from /proc
  void theLauncherFindsTheCommandAsTheParserDoes() throws Exception {
    // A stand-in java that prints its arguments, started with SIGINT ignored: the flags tell the
    // profile the launcher picked, -Dhermes.signals.reset whether it reset the signals.
    HermesCli cli =
        new HermesCli(
                home,
                home,
                HermesCli.LAUNCHER,
                List.of("sh", "-c", "trap '' INT; exec \"$@\"", "sh"))
            .env("HERMES_JAVA", echoJava().toString())
            .env("HERMES_NO_CACHE", "1");
    List<List<String>> lines = new ArrayList<>();
    for (List<String> words : commandPaths(new HermesCommand().spec(), List.of())) {
      lines.add(concat(words, List.of("--help")));
      lines.add(concat(List.of("-p", "x"), words, List.of("--help")));
      lines.add(concat(List.of("--profile=x"), words, List.of("--help")));
      lines.add(concat(List.of("-px", "-h", "--"), words));
      if (!words.isEmpty()) {
        lines.add(
            concat(
                words.subList(0, 1),
                List.of("--profile", "x"),
                words.subList(1, words.size()),
                List.of("-h")));
      }
    }
    lines.addAll(
        List.of(
            List.of("-p", "x", "gateway", "run"),
            List.of("--profile=x", "dashboard"),
            List.of("gateway", "status"),
            List.of("up"),
            List.of("-p", "gateway", "gateway", "run", "--replace"),
            List.of("gateway", "-p", "run", "status"),
            List.of("gateway", "--", "run"),
            List.of("dashboard", "--host", "start"),
            List.of("dashboard", "--host=start", "start"),
            List.of("dashboard", "--port", "9", "start"),
            List.of("dashboard", "start", "--profile", "x")));

    for (List<String> line : lines) {
      String[] args = line.toArray(String[]::new);
      List<CommandSpec> path = ArgParser.parse(new HermesCommand(), args).path();
      CommandSpec command = path.get(path.size() - 1);
      Result r = cli.run(args);
      assertThat(r.code()).as("hermes %s: %s", line, r.err()).isZero();
      List<String> words = r.out().lines().toList();
      String profile =
          words.contains("-XX:NewSize=2m")
              ? "gateway"
              : words.contains("-XX:MaxHeapFreeRatio=30") ? "dashboard" : "cli";
      assertThat(profile)
          .as("the profile of hermes %s", line)
          .isEqualTo(command.jvmProfile().word());
      assertThat(words.contains("-Dhermes.signals.reset=INT"))
          .as("hermes %s resets SIGINT", line)
          .isEqualTo(command.isLongRunning());
      assertThat(words.subList(words.indexOf("dev.hermes.cli.Main") + 1, words.size()))
          .as("the arguments, unchanged")
          .isEqualTo(line);
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void serversAreFoundPastTheGlobalOptionsAndGetTheirOwnCaches() throws Exception {
    Map<String, String> flags = Map.of("HERMES_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
    Result gateway = hermes(flags, "-p", "x", "gateway", "run");
    assertThat(gateway.err()).contains("no such profile 'x'");
    assertThat(gateway.out())
        .contains(
            "-XX:InitialHeapSize=8388608", "-XX:NewSize=2097152", "-XX:MaxHeapSize=134217728");
    assertThat(cacheFiles()).anyMatch(n -> n.startsWith("hermes-gateway-"));

    Result dashboard = hermes(flags, "--profile=x", "dashboard", "--port", "99999");
    assertThat(dashboard.code()).as(dashboard.err()).isEqualTo(2);
    assertThat(dashboard.out())
        .contains("-XX:InitialHeapSize=8388608", "-XX:MaxHeapSize=67108864", "-XX:-UsePerfData");
    assertThat(cacheFiles()).anyMatch(n -> n.startsWith("hermes-dashboard-"));

    Result status = hermes(flags, "gateway", "status");
    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out())
        .contains("-XX:+PrintCommandLineFlags")
        .doesNotContain("-XX:InitialHeapSize=8388608", "-XX:NewSize=", "-XX:-UsePerfData");
    assertThat(cacheFiles()).anyMatch(n -> n.matches("hermes-[0-9].*"));
  }

  @Test
  void anInstallWithoutTheProfilesFileAsksTheJar() throws Exception {
    Path install = tools.resolve("install");
    Files.createDirectories(install.resolve("bin"));
    Files.createDirectories(install.resolve("lib"));
    Files.copy(
        HermesCli.LAUNCHER, install.resolve("bin/hermes"), StandardCopyOption.COPY_ATTRIBUTES);
    Path target = HermesCli.LAUNCHER.getParent().resolve("../hermes-cli/target").normalize();
    Files.copy(target.resolve("hermes.jar"), install.resolve("lib/hermes.jar"));
    HermesCli cli =
        new HermesCli(home, home, install.resolve("bin/hermes"), List.of())
            .env("HERMES_NO_CACHE", "1")
            .env("HERMES_JAVA_OPTS", "-XX:+PrintCommandLineFlags");

    for (boolean withFile : List.of(false, true)) {
      if (withFile) {
        Files.copy(
            target.resolve(LaunchProfiles.FILE), install.resolve("lib/" + LaunchProfiles.FILE));
      }
      Result gateway = cli.run("-p", "x", "gateway", "run");
      assertThat(gateway.err()).as("with the file: %s", withFile).contains("no such profile 'x'");
      assertThat(gateway.out()).contains("-XX:NewSize=2097152");
      Result status = cli.run("gateway", "status");
      assertThat(status.code()).as(status.err()).isZero();
      assertThat(status.err()).isEmpty();
      assertThat(status.out()).doesNotContain("-XX:NewSize=");
    }
  }

  /** A JDK 17.0.20 by its release file whose java prints its arguments, one a line. */
  private Path echoJava() throws IOException {
    Path jdk = Files.createDirectories(tools.resolve("echo-jdk/bin")).getParent();
    Files.writeString(
        jdk.resolve("release"), "JAVA_VERSION=\"17.0.20\"\nJAVA_RUNTIME_VERSION=\"17.0.20+8\"\n");
    Path java =
        Files.writeString(
            jdk.resolve("bin/java"),
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return java;
  }

  /** The words of every command of the tree, the root's (none) first. */
  private static List<List<String>> commandPaths(CommandSpec spec, List<String> words) {
    List<List<String>> paths = new ArrayList<>();
    paths.add(words);
    spec.subcommands()
        .forEach(
            (name, sub) ->
                paths.addAll(commandPaths(sub.get().spec(), concat(words, List.of(name)))));
    return paths;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return all;
  }
}

package dev.hermes.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The namespace sandbox ({@code container/test/sandbox}): the image's files booted under a stand-in
 * for s6-overlay, as root. Its Java runtime is linked like the image's (jlink with the modules of
 * {@code container/versions}) when a JDK 25 is installed, so a missing module shows here.
 */
final class SandboxEngine implements ContainerEngine {
  static final Path SCRIPT = Repo.CONTAINER.resolve("test/sandbox");

  @Override
  public Optional<String> unavailable() {
    if (!Files.isExecutable(SCRIPT)) {
      return Optional.of("no " + SCRIPT);
    }
    if (!isRoot()) {
      return Optional.of("the sandbox needs root (namespaces, mounts, the image's users)");
    }
    for (String tool : List.of("unshare", "nsenter", "pivot_root", "ip", "s6-svscan", "script")) {
      if (!Processes.succeeds("sh", "-c", "command -v " + tool)) {
        return Optional.of("'" + tool + "' is not installed (util-linux, iproute2, s6)");
      }
    }
    if (!Processes.succeeds("unshare", "--pid", "--mount", "--net", "--fork", "true")) {
      return Optional.of("unshare cannot create namespaces here");
    }
    if (!Files.isRegularFile(Repo.JAR)) {
      return Optional.of("no " + Repo.JAR + " (build hermes-cli first)");
    }
    return Optional.empty();
  }

  @Override
  public Container create(Path scratch, RunOptions options, List<String> args) {
    Path dir = scratch.resolve("container");
    ExecResult created =
        Processes.run(
            List.of(SCRIPT.toString(), "create", dir.toString()), env(), Duration.ofMinutes(2));
    if (!created.ok()) {
      throw new AssertionError("sandbox create failed: " + created);
    }
    return new SandboxContainer(dir, options, args);
  }

  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[1].equals("0");
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** What the sandbox script needs from the build. */
  static synchronized Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("SANDBOX_JAR", Repo.JAR.toString());
    Optional<Path> jre = linkedRuntime();
    jre.ifPresent(p -> env.put("SANDBOX_JAVA_HOME", p.toString()));
    Path cache =
        Repo.TARGET.resolve(
            "container-cache/" + jre.map(p -> p.getFileName().toString()).orElse("host-jdk"));
    env.put("SANDBOX_CACHE_DIR", cache.toString());
    return env;
  }

  private static Optional<Path> linked;

  /** A jlinked runtime made once per build from the newest JDK 25+ under /usr/lib/jvm. */
  private static Optional<Path> linkedRuntime() {
    if (linked != null) {
      return linked;
    }
    linked = Optional.empty();
    Optional<Path> jdk = newestJdkWithJlink(25);
    if (jdk.isEmpty()) {
      return linked;
    }
    String modules = version("JLINK_MODULES");
    Path output =
        Repo.TARGET.resolve(
            "container-jre-" + Integer.toHexString((jdk.get() + modules).hashCode()));
    if (!Files.isExecutable(output.resolve("bin/java"))) {
      ExecResult r =
          Processes.run(
              List.of(
                  jdk.get().resolve("bin/jlink").toString(),
                  "--add-modules",
                  modules,
                  "--strip-debug",
                  "--no-man-pages",
                  "--no-header-files",
                  "--compress=zip-6",
                  "--output",
                  output.toString()),
              Map.of(),
              Duration.ofMinutes(5));
      if (!r.ok()) {
        throw new AssertionError("jlink failed: " + r);
      }
    }
    linked = Optional.of(output);
    return linked;
  }

  private static Optional<Path> newestJdkWithJlink(int atLeast) {
    Path best = null;
    int bestMajor = atLeast - 1;
    try (var dirs = Files.list(Path.of("/usr/lib/jvm"))) {
      for (Path dir : dirs.toList()) {
        Path release = dir.resolve("release");
        if (Files.isSymbolicLink(dir)
            || !Files.isExecutable(dir.resolve("bin/jlink"))
            || !Files.isRegularFile(release)) {
          continue;
        }
        for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
          if (line.startsWith("JAVA_VERSION=\"")) {
            String digits = line.substring(14).replaceAll("[^0-9].*", "");
            int major = digits.isEmpty() ? 0 : Integer.parseInt(digits);
            if (major > bestMajor) {
              best = dir;
              bestMajor = major;
            }
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(best);
  }

  /** A NAME=value of container/versions. */
  static String version(String name) {
    try {
      for (String line : Files.readAllLines(Repo.VERSIONS, StandardCharsets.UTF_8)) {
        if (line.startsWith(name + "=")) {
          return line.substring(name.length() + 1).trim();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no " + name + " in " + Repo.VERSIONS);
  }

  /** A sandbox container: a directory with its /etc, /home and /opt/data. */
  private static final class SandboxContainer implements Container {
    private final Path dir;
    private final RunOptions options;
    private final List<String> args;
    private Boot current;
    private int boots;

    SandboxContainer(Path dir, RunOptions options, List<String> args) {
      this.dir = dir;
      this.options = options;
      this.args = List.copyOf(args);
    }

    @Override
    public Path data() {
      return dir.resolve("data");
    }

    @Override
    public Boot boot() {
      if (current != null) {
        current.destroy();
      }
      List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "run"));
      command.addAll(options.runFlags());
      command.add(dir.toString());
      command.add("--");
      command.addAll(args);
      Path log = dir.resolveSibling("boot-" + ++boots + ".log");
      Path pidFile = dir.resolve("pid");
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Process process =
          Processes.start(options.tty() ? Processes.underTerminal(command) : command, env(), log);
      long[] pid1 = {-1};
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (process.isAlive() && System.nanoTime() < deadline) {
        try {
          String text = Files.readString(pidFile).trim();
          if (!text.isEmpty()) {
            pid1[0] = Long.parseLong(text);
            break;
          }
        } catch (IOException | NumberFormatException e) {
          // not written yet
        }
        Waits.pause(10);
      }
      current =
          new Boot(
              process,
              log,
              signal -> {
                if (pid1[0] > 0) {
                  Processes.run(
                      List.of("kill", "-s", signal, Long.toString(pid1[0])),
                      Map.of(),
                      Duration.ofSeconds(10));
                }
              });
      return current;
    }

    @Override
    public ExecResult exec(String user, Map<String, String> env, String... command) {
      List<String> line = new ArrayList<>(List.of(SCRIPT.toString(), "exec"));
      if (user != null) {
        line.addAll(List.of("-u", user));
      }
      env.forEach((k, v) -> line.addAll(List.of("-e", k + "=" + v)));
      line.add(dir.toString());
      line.add("--");
      line.addAll(List.of(command));
      return Processes.run(line, env(), Duration.ofMinutes(3));
    }

    /**
     * Stops the sandbox and removes the container directory itself: its /etc copy is full of
     * symlinks into this host's /usr, which JUnit's temporary-directory cleanup would warn about
     * one by one.
     */
    @Override
    public void close() {
      if (current != null) {
        current.destroy();
      }
      Processes.run(List.of("rm", "-rf", dir.toString()), Map.of(), Duration.ofMinutes(2));
    }
  }
}

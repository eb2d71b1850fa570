package dev.hermes.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One container of the image under test, made by {@code docker create} (network none, the host
 * directory {@link #data()} as its volume {@code /opt/data}). Its state survives between boots: a
 * second {@link #boot()} after a kill or a stop is a container restart.
 */
final class Container implements AutoCloseable {
  private static final Duration DOCKER = Duration.ofMinutes(2);

  private final String name;
  private final Path data;
  private final Path scratch;
  private final boolean tty;
  private Boot current;
  private int boots;

  private Container(String name, Path data, Path scratch, boolean tty) {
    this.name = name;
    this.data = data;
    this.scratch = scratch;
    this.tty = tty;
  }

  /**
   * {@code docker create} of the image with these options and {@code args} after the image name.
   *
   * @param scratch a directory for this container's files: its volume and its boots' output
   */
  static Container create(Path scratch, RunOptions options, List<String> args) {
    return create(scratch, scratch.resolve("data"), options, args);
  }

  /** As {@link #create(Path, RunOptions, List)}, on the volume {@code data} (kept by the host). */
  static Container create(Path scratch, Path data, RunOptions options, List<String> args) {
    try {
      Files.createDirectories(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "hermes-test-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> command =
        new ArrayList<>(
            List.of(
                "create",
                "--name",
                name,
                "--label",
                "dev.hermes.test=container-tier",
                "--network",
                "none",
                "-v",
                data + ":/opt/data"));
    command.addAll(options.runFlags());
    if (options.tty()) {
      command.add("-it");
    }
    command.add(Docker.image());
    command.addAll(args);
    ExecResult created = Docker.docker(DOCKER, command);
    if (!created.ok()) {
      throw new AssertionError("docker create failed: " + created);
    }
    return new Container(name, data, scratch, options.tty());
  }

  String name() {
    return name;
  }

  /** The host directory mounted at {@code /opt/data}. */
  Path data() {
    return data;
  }

  /**
   * Starts it attached ({@code docker start -a}; with a terminal {@code -ai} under a
   * pseudo-terminal), so the boot sees its stdout, stderr and exit code as {@code docker run}
   * would, and returns once the container runs.
   */
  Boot boot() {
    if (current != null) {
      current.destroy();
    }
    int n = ++boots;
    List<String> command =
        tty
            ? Processes.underTerminal(List.of("docker", "start", "-ai", name))
            : List.of("docker", "start", "-a", name);
    Path out = scratch.resolve("boot-" + n + ".out");
    Path err = scratch.resolve("boot-" + n + ".err");
    Process process = Processes.start(command, out, err);
    current = new Boot(this, process, out, err);
    Waits.until(
        Duration.ofSeconds(60),
        "container " + name + " running",
        () -> !process.isAlive() || running() ? Boolean.TRUE : null,
        current::output);
    return current;
  }

  /** What {@code docker inspect} says of {@code .State.Running}. */
  boolean running() {
    return inspect("{{.State.Running}}").equals("true");
  }

  /** {@code docker inspect -f FORMAT}, trimmed. */
  String inspect(String format) {
    return Docker.docker(DOCKER, "inspect", "-f", format, name).out().trim();
  }

  /**
   * Runs a command in the running container ({@code docker exec}).
   *
   * @param user null for the exec default (root), else a name or UID[:GID]
   */
  ExecResult exec(String user, Map<String, String> env, String... command) {
    List<String> line = new ArrayList<>(List.of("exec"));
    if (user != null) {
      line.addAll(List.of("-u", user));
    }
    env.forEach((k, v) -> line.addAll(List.of("-e", k + "=" + v)));
    line.add(name);
    line.addAll(List.of(command));
    return Docker.docker(Duration.ofMinutes(3), line);
  }

  /** {@code docker logs}: every boot's output so far, stdout and stderr apart. */
  ExecResult logs() {
    return Docker.docker(DOCKER, "logs", name);
  }

  /** {@code docker stop [-t SECONDS]}: SIGTERM to PID 1, SIGKILL after the grace time. */
  ExecResult stop(Duration grace) {
    return Docker.docker(grace.plus(DOCKER), "stop", "-t", Long.toString(grace.toSeconds()), name);
  }

  /** {@code docker kill [-s SIGNAL]}. */
  ExecResult kill(String signal) {
    return Docker.docker(DOCKER, "kill", "-s", signal, name);
  }

  /**
   * {@code docker restart}: a stop as {@code docker stop} makes, then a start, detached (the output
   * of the new boot is in {@link #logs()}).
   */
  ExecResult restart() {
    ExecResult r = Docker.docker(DOCKER, "restart", "-t", "30", name);
    if (current != null) {
      current.awaitExit(DOCKER);
      current = null;
    }
    return r;
  }

  /** Stops whatever still runs and removes the container. */
  @Override
  public void close() {
    if (current != null) {
      current.destroy();
    }
    Docker.docker(DOCKER, "rm", "-f", name);
  }
}

package dev.hermes.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The real image on a Docker engine. The image is {@code -Dhermes.container.image} (the image
 * workflow builds it with buildx), else built once from {@code container/Dockerfile}. Skipped where
 * {@code docker info} fails.
 */
final class DockerEngine implements ContainerEngine {
  private static String image;

  @Override
  public Optional<String> unavailable() {
    if (!Processes.succeeds("sh", "-c", "command -v docker")) {
      return Optional.of("no docker command: the real-image group needs a Docker engine");
    }
    if (!Processes.succeeds("docker", "info")) {
      return Optional.of("'docker info' fails: no Docker engine to run the real image");
    }
    return Optional.empty();
  }

  @Override
  public Container create(Path scratch, RunOptions options, List<String> args) {
    Path data = scratch.resolve("data");
    try {
      Files.createDirectories(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "hermes-test-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> command = new ArrayList<>(List.of("docker", "create", "--name", name));
    command.addAll(List.of("-v", data + ":/opt/data"));
    command.addAll(options.runFlags());
    if (options.tty()) {
      command.add("-t");
    }
    command.add(image());
    command.addAll(args);
    ExecResult created = Processes.run(command, Map.of(), Duration.ofMinutes(2));
    if (!created.ok()) {
      throw new AssertionError("docker create failed: " + created);
    }
    return new DockerContainer(name, data, scratch, options.tty());
  }

  private static synchronized String image() {
    if (image == null) {
      String given = System.getProperty("hermes.container.image", "");
      if (!given.isBlank()) {
        image = given;
      } else {
        image = "hermes-container-test:local";
        ExecResult built =
            Processes.run(
                List.of(
                    "docker",
                    "build",
                    "-f",
                    Repo.DOCKERFILE.toString(),
                    "-t",
                    image,
                    Repo.ROOT.toString()),
                Map.of(),
                Duration.ofMinutes(40));
        if (!built.ok()) {
          throw new AssertionError("docker build failed: " + built);
        }
      }
    }
    return image;
  }

  private static final class DockerContainer implements Container {
    private final String name;
    private final Path data;
    private final Path scratch;
    private final boolean tty;
    private Boot current;
    private int boots;

    DockerContainer(String name, Path data, Path scratch, boolean tty) {
      this.name = name;
      this.data = data;
      this.scratch = scratch;
      this.tty = tty;
    }

    @Override
    public Path data() {
      return data;
    }

    @Override
    public Boot boot() {
      if (current != null) {
        current.destroy();
      }
      List<String> command = List.of("docker", "start", "-a", name);
      Path log = scratch.resolve("boot-" + ++boots + ".log");
      Process process =
          Processes.start(tty ? Processes.underTerminal(command) : command, Map.of(), log);
      Waits.until(
          Duration.ofSeconds(60),
          "container " + name + " running",
          () ->
              !process.isAlive()
                      || Processes.run(
                              List.of("docker", "inspect", "-f", "{{.State.Running}}", name),
                              Map.of(),
                              Duration.ofSeconds(30))
                          .out()
                          .trim()
                          .equals("true")
                  ? Boolean.TRUE
                  : null,
          () -> "");
      current =
          new Boot(
              process,
              log,
              signal ->
                  Processes.run(
                      List.of("docker", "kill", "-s", signal, name),
                      Map.of(),
                      Duration.ofSeconds(30)));
      return current;
    }

    @Override
    public ExecResult exec(String user, Map<String, String> env, String... command) {
      List<String> line = new ArrayList<>(List.of("docker", "exec"));
      if (user != null) {
        line.addAll(List.of("-u", user));
      }
      env.forEach((k, v) -> line.addAll(List.of("-e", k + "=" + v)));
      line.add(name);
      line.addAll(List.of(command));
      return Processes.run(line, Map.of(), Duration.ofMinutes(3));
    }

    @Override
    public void close() {
      if (current != null) {
        current.destroy();
      }
      Processes.run(List.of("docker", "rm", "-f", name), Map.of(), Duration.ofMinutes(1));
    }
  }
}

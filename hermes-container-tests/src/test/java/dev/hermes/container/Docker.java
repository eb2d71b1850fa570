package dev.hermes.container;

import dev.hermes.testing.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker engine the container tier runs on, and the image under test: {@code
 * -Dhermes.container.image} (default {@code hermes:local}), built with {@code container/build-image
 * --offline} when the engine does not have it ({@code --ca-dir} from {@code
 * -Dhermes.container.caDir}). Without an engine the tests skip, and fail in CI.
 */
final class Docker {
  static final String DEFAULT_IMAGE = "hermes:local";
  private static final Duration BUILD = Duration.ofMinutes(60);
  private static Optional<String> unavailable;
  private static String image;

  private Docker() {}

  /** Skips (in CI: fails) the calling test unless a Docker engine answers. */
  static void require() {
    Optional<String> reason = unavailable();
    Required.engine(reason.isEmpty(), reason.orElse(""));
  }

  private static synchronized Optional<String> unavailable() {
    if (unavailable == null) {
      if (!Processes.succeeds("sh", "-c", "command -v docker")) {
        unavailable = Optional.of("no docker command: the container tier needs a Docker engine");
      } else if (!Processes.succeeds("docker", "info")) {
        unavailable = Optional.of("'docker info' fails: no Docker engine to run the image on");
      } else {
        unavailable = Optional.empty();
      }
    }
    return unavailable;
  }

  /** {@code docker ARGS}, to the end. */
  static ExecResult docker(Duration timeout, List<String> args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(args);
    return Processes.run(command, Map.of(), timeout);
  }

  static ExecResult docker(Duration timeout, String... args) {
    return docker(timeout, List.of(args));
  }

  /** The image under test; built once when the engine lacks it. */
  static synchronized String image() {
    if (image == null) {
      String wanted = System.getProperty("hermes.container.image", "");
      wanted = wanted.isBlank() ? DEFAULT_IMAGE : wanted.strip();
      if (!docker(Duration.ofMinutes(1), "image", "inspect", wanted).ok()) {
        build(wanted);
      }
      image = wanted;
    }
    return image;
  }

  private static void build(String tag) {
    List<String> command =
        new ArrayList<>(
            List.of(Repo.CONTAINER.resolve("build-image").toString(), "--offline", "--tag", tag));
    String caDir = System.getProperty("hermes.container.caDir", "");
    if (!caDir.isBlank()) {
      command.addAll(List.of("--ca-dir", caDir.strip()));
    }
    ExecResult built = Processes.run(command, Map.of(), BUILD, Repo.ROOT);
    Path log = Repo.TARGET.resolve("build-image.log");
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, built.out() + built.err());
    } catch (java.io.IOException e) {
      // The log is a convenience; the failure below carries the end of it anyway.
    }
    if (!built.ok()) {
      String err = built.err();
      throw new AssertionError(
          "the image "
              + tag
              + " is not there and '"
              + String.join(" ", command)
              + "' failed (exit "
              + built.code()
              + ", full log: "
              + log
              + "):\n"
              + err.substring(Math.max(0, err.length() - 4000)));
    }
  }
}

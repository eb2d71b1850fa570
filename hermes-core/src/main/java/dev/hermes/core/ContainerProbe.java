package dev.hermes.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process runs inside a container, judged by the marker files container engines
 * create. The root is injectable so tests can fake a file system.
 */
public final class ContainerProbe {
  private final Path root;

  public ContainerProbe(Path root) {
    this.root = root;
  }

  public static ContainerProbe system() {
    return new ContainerProbe(Path.of("/"));
  }

  /** The file system root the probe looks under: {@code /}, or a fake one in tests. */
  public Path root() {
    return root;
  }

  public boolean inContainer() {
    return Files.exists(root.resolve(".dockerenv"))
        || Files.exists(root.resolve("run/.containerenv"))
        || Files.isDirectory(root.resolve("run/s6/basedir"));
  }
}

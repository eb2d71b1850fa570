package dev.hermes.container;

import java.nio.file.Path;

/** Where the repository's container files are, and this module's build directory. */
final class Repo {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path CONTAINER = ROOT.resolve("container");
  static final Path DOCKERFILE = CONTAINER.resolve("Dockerfile");
  static final Path VERSIONS = CONTAINER.resolve("versions");
  static final Path TARGET = Path.of("target").toAbsolutePath();

  private Repo() {}
}

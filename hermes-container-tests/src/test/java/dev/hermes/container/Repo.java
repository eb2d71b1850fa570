package dev.hermes.container;

import java.nio.file.Path;

/** Where the repository's container files and the build's outputs are. */
final class Repo {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path CONTAINER = ROOT.resolve("container");
  static final Path DOCKERFILE = CONTAINER.resolve("Dockerfile");
  static final Path VERSIONS = CONTAINER.resolve("versions");
  static final Path JAR = ROOT.resolve("hermes-cli/target/hermes.jar");
  static final Path TARGET = Path.of("target").toAbsolutePath();

  private Repo() {}
}

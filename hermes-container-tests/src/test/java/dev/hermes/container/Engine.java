package dev.hermes.container;

/**
 * The two test groups: every scenario runs in the namespace sandbox and, where a Docker engine
 * answers, against the real image.
 */
enum Engine {
  SANDBOX(new SandboxEngine()),
  DOCKER(new DockerEngine());

  private final ContainerEngine engine;

  Engine(ContainerEngine engine) {
    this.engine = engine;
  }

  ContainerEngine engine() {
    return engine;
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package dev.hermes.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Something that runs the image: the namespace sandbox, or a Docker engine. */
interface ContainerEngine {
  /** Why this engine cannot run here, or empty when it can. */
  Optional<String> unavailable();

  /**
   * @param scratch a directory this container may use for its files
   * @param args the arguments after the image name ({@code docker run IMAGE ARGS})
   */
  Container create(Path scratch, RunOptions options, List<String> args);
}

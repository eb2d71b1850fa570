package dev.hermes.supervision;

import dev.hermes.core.HermesHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What detection and the backends read from the outside world. {@code fsRoot} replaces {@code /}
 * for the probes so tests can fake {@code /proc} and {@code /run}.
 *
 * @param hermesCommand the argv that starts hermes, for generated scripts and units
 */
public record SupervisionEnvironment(
    Map<String, String> env,
    Path fsRoot,
    HermesHome home,
    CommandRunner runner,
    String osName,
    List<String> hermesCommand,
    Path userHome) {

  /** A path under the (possibly fake) root, e.g. {@code proc/1/comm}. */
  public Path system(String relative) {
    return fsRoot.resolve(relative);
  }

  public String getenv(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}

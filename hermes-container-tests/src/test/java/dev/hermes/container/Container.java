package dev.hermes.container;

import java.nio.file.Path;
import java.util.Map;

/**
 * One container: its state survives between boots (a second {@link #boot()} is a restart), its
 * volume {@code /opt/data} is a directory of this host.
 */
interface Container extends AutoCloseable {
  /** The host directory mounted at {@code /opt/data}. */
  Path data();

  /** Starts it in the foreground (docker run, then docker start -a for a restart). */
  Boot boot();

  /**
   * Runs a command in the running container (docker exec).
   *
   * @param user null for the exec default (root), else a name or UID[:GID]
   */
  ExecResult exec(String user, Map<String, String> env, String... command);

  /** Stops whatever still runs and removes the container. */
  @Override
  void close();
}

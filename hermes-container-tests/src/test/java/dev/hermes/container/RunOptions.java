package dev.hermes.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a container is started, as {@code docker run} options: environment ({@code -e}), user ({@code
 * --user UID:GID}), working directory ({@code -w}), entrypoint and a terminal ({@code -t}, sized 33
 * rows by 123 columns).
 */
record RunOptions(
    Map<String, String> env, String user, String workdir, String entrypoint, boolean tty) {

  static RunOptions defaults() {
    return new RunOptions(Map.of(), null, null, null, false);
  }

  RunOptions withEnv(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    copy.put(name, value);
    return new RunOptions(Map.copyOf(copy), user, workdir, entrypoint, tty);
  }

  RunOptions withUser(String uidGid) {
    return new RunOptions(env, uidGid, workdir, entrypoint, tty);
  }

  RunOptions withWorkdir(String dir) {
    return new RunOptions(env, user, dir, entrypoint, tty);
  }

  RunOptions withEntrypoint(String path) {
    return new RunOptions(env, user, workdir, path, tty);
  }

  RunOptions withTty() {
    return new RunOptions(env, user, workdir, entrypoint, true);
  }

  /**
   * {@code -e}, {@code --user}, {@code -w} and {@code --entrypoint}, spelled as docker run does.
   */
  List<String> runFlags() {
    List<String> flags = new ArrayList<>();
    env.forEach((k, v) -> flags.addAll(List.of("-e", k + "=" + v)));
    if (user != null) {
      flags.addAll(List.of("--user", user));
    }
    if (workdir != null) {
      flags.addAll(List.of("-w", workdir));
    }
    if (entrypoint != null) {
      flags.addAll(List.of("--entrypoint", entrypoint));
    }
    return flags;
  }
}

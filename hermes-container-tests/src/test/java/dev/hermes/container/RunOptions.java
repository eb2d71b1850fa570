package dev.hermes.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a container is started, as {@code docker run} options: environment ({@code -e}), user ({@code
 * --user UID:GID}), working directory ({@code -w}), entrypoint, a terminal ({@code -t}, sized 33
 * rows by 123 columns) and any other flags as they are written ({@code --read-only}, {@code
 * --tmpfs}, {@code --health-interval} …).
 */
record RunOptions(
    Map<String, String> env,
    String user,
    String workdir,
    String entrypoint,
    boolean tty,
    List<String> flags) {

  static RunOptions defaults() {
    return new RunOptions(Map.of(), null, null, null, false, List.of());
  }

  RunOptions withEnv(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    copy.put(name, value);
    return new RunOptions(Map.copyOf(copy), user, workdir, entrypoint, tty, flags);
  }

  RunOptions withUser(String uidGid) {
    return new RunOptions(env, uidGid, workdir, entrypoint, tty, flags);
  }

  RunOptions withWorkdir(String dir) {
    return new RunOptions(env, user, dir, entrypoint, tty, flags);
  }

  RunOptions withEntrypoint(String path) {
    return new RunOptions(env, user, workdir, path, tty, flags);
  }

  RunOptions withTty() {
    return new RunOptions(env, user, workdir, entrypoint, true, flags);
  }

  /** These docker run flags added, as they are written. */
  RunOptions withFlags(String... more) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(List.of(more));
    return new RunOptions(env, user, workdir, entrypoint, tty, List.copyOf(all));
  }

  /**
   * {@code -e}, {@code --user}, {@code -w}, {@code --entrypoint} and the other flags, spelled as
   * docker run does.
   */
  List<String> runFlags() {
    List<String> flags = new ArrayList<>(this.flags);
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

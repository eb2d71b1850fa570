package dev.hermes.supervision.handoff;

import dev.hermes.supervision.s6.S6Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line and environment that run hermes again as HERMES_HOME's owner: {@code
 * s6-setuidgid} sets the uid, the gid and the account's supplementary groups (or, for a uid with no
 * passwd entry, the uid and the directory's group and no others), then execs the same hermes
 * command. Pure, so the exact command is unit-tested.
 *
 * <p>The environment is root's, except what describes root's session: HOME, USER and LOGNAME are
 * the owner's, and the XDG_* directories (root's runtime and cache directories) are dropped, so the
 * launcher's class-data cache and every slot's HOME are the owner's own.
 */
public record OwnerLaunch(List<String> command, Map<String, String> environment) {
  /** s6-setuidgid, from the s6 that {@code env} points hermes to. */
  public static Path userSwitch(Map<String, String> env) {
    return Path.of(S6Tools.locate(env).tool("s6-setuidgid"));
  }

  /** The launch through {@link #userSwitch} of the s6 that {@code env} points hermes to. */
  public static OwnerLaunch of(
      HomeOwner owner,
      Path hermesHome,
      List<String> hermes,
      List<String> args,
      Map<String, String> env) {
    return of(owner, S6Tools.locate(env), hermesHome, hermes, args, env);
  }

  public static OwnerLaunch of(
      HomeOwner owner,
      S6Tools tools,
      Path hermesHome,
      List<String> hermes,
      List<String> args,
      Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(tools.tool("s6-setuidgid"));
    command.add(owner.account());
    command.addAll(hermes);
    command.addAll(args);

    Map<String, String> environment = new TreeMap<>(env);
    environment.keySet().removeIf(k -> k.startsWith("XDG_"));
    Path absolute = hermesHome.toAbsolutePath().normalize();
    environment.put("HERMES_HOME", absolute.toString());
    environment.put("HOME", owner.processHome(absolute).toString());
    String user = owner.name() != null ? owner.name() : Integer.toString(owner.uid());
    environment.put("USER", user);
    environment.put("LOGNAME", user);
    return new OwnerLaunch(List.copyOf(command), Map.copyOf(environment));
  }
}

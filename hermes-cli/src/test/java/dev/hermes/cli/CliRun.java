package dev.hermes.cli;

import dev.hermes.core.ContainerProbe;
import dev.hermes.core.HermesHome;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.none.NoServiceManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Runs the real command tree in-process against a temporary HERMES_HOME. */
record CliRun(int code, String out, String err) {
  static CliRun run(Path home, String... args) {
    return run(home, (Path) null, args);
  }

  static CliRun run(Path home, Path installDir, String... args) {
    return run(home, installDir, home.resolve("no-such-root"), c -> new NoServiceManager(), args);
  }

  static CliRun run(Path home, ServiceManager manager, String... args) {
    return run(home, null, home.resolve("no-such-root"), c -> manager, args);
  }

  /**
   * @param fsRoot where the container probe looks for {@code /run/...} and {@code /.dockerenv}
   */
  static CliRun run(
      Path home,
      Path installDir,
      Path fsRoot,
      Function<CliContext, ServiceManager> managers,
      String... args) {
    return run(Map.of(), home, installDir, fsRoot, managers, args);
  }

  /**
   * @param env added to the environment, which otherwise holds HERMES_HOME only
   */
  static CliRun run(
      Map<String, String> env,
      Path home,
      Path installDir,
      Path fsRoot,
      Function<CliContext, ServiceManager> managers,
      String... args) {
    Map<String, String> environment = new HashMap<>(env);
    environment.put("HERMES_HOME", home.toString());
    CliContext context =
        new CliContext(
            Map.copyOf(environment),
            new HermesHome(home),
            installDir,
            new ContainerProbe(fsRoot),
            managers);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(context, new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}

package dev.hermes.cli;

import dev.hermes.core.ContainerProbe;
import dev.hermes.core.HermesHome;
import dev.hermes.supervision.none.NoServiceManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real command tree in-process against a temporary HERMES_HOME. */
record CliRun(int code, String out, String err) {
  static CliRun run(Path home, String... args) {
    return run(home, null, args);
  }

  static CliRun run(Path home, Path installDir, String... args) {
    CliContext context =
        new CliContext(
            Map.of("HERMES_HOME", home.toString()),
            new HermesHome(home),
            installDir,
            new ContainerProbe(home.resolve("no-such-root")),
            c -> new NoServiceManager());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(context, new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}

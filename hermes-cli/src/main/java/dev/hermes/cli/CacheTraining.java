package dev.hermes.cli;

import dev.hermes.core.ContainerProbe;
import dev.hermes.core.FileTrees;
import dev.hermes.core.HermesHome;
import dev.hermes.supervision.none.NoServiceManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workload the launcher runs once per jar to build the JVM's class-data cache: the common
 * commands, in-process, against a throwaway HERMES_HOME, so the classes they load start from the
 * cache on every later run.
 */
public final class CacheTraining {
  private CacheTraining() {}

  public static void main(String[] args) throws IOException {
    Path home = Files.createTempDirectory("hermes-training-");
    try {
      CliContext context =
          new CliContext(
              Map.of(),
              new HermesHome(home),
              null,
              ContainerProbe.system(),
              c -> new NoServiceManager());
      PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
      String[][] commands = {
        {"--version"},
        {"profile", "create", "training", "--port", "1"},
        {"profile", "list"},
        {"profile", "list", "--json"},
        {"-p", "training", "profile", "show"},
        {"status"},
        {"doctor"},
        {"profile", "delete", "training", "--yes"},
        {"--help"},
        {"profile", "create", "Bad"}
      };
      for (String[] command : commands) {
        Main.run(context, sink, sink, command);
      }
    } finally {
      FileTrees.deleteQuietly(home);
    }
  }
}

package dev.hermes.cli;

import dev.hermes.core.ContainerProbe;
import dev.hermes.core.FileTrees;
import dev.hermes.core.HermesHome;
import dev.hermes.core.Profile;
import dev.hermes.gateway.GatewayOptions;
import dev.hermes.gateway.GatewayRunner;
import dev.hermes.supervision.resolve.ServiceManagerResolver;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workload the launcher runs once per jar to build the JVM's class-data cache: the common
 * commands, in-process, against a throwaway HERMES_HOME, so the classes they load start from the
 * cache on every later run.
 *
 * <p>With the argument {@code gateway} it builds the gateway's own cache instead: one gateway
 * started the way {@code hermes gateway run} starts it, asked for /health, /status, an unknown path
 * and a message (answered 503: no model), then stopped. Only what an idle gateway loads belongs in
 * it: a JDK 25 AOT cache loads every class it holds at start-up, so the CLI's classes (the other
 * commands, data binding) or the model relay's HTTP client would cost every gateway memory for its
 * whole life. The relay's classes load from the jar on the first message.
 *
 * <p>With the argument {@code dashboard} it builds the dashboard's: see {@link DashboardTraining}.
 */
public final class CacheTraining {
  private static final long READY_TIMEOUT_MILLIS = 10_000;
  // The JDK server closes idle connections from a timer task (every 10 s by default) whose first
  // run links a lambda. Untrained, that first run in a gateway spins the lambda's class and
  // compiles the class-file generator: several MB of native memory, 10 s into every gateway's
  // life. A short tick here lets the training run it.
  static final String IDLE_TIMER_TICK = "sun.net.httpserver.clockTick";
  static final long TRAINING_TICK_MILLIS = 50;

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
              c -> ServiceManagerResolver.unsupervised());
      String mode = args.length > 0 ? args[0] : "";
      if (mode.equals("gateway")) {
        gateway(context);
      } else if (mode.equals("dashboard")) {
        DashboardTraining.run(context);
      } else {
        commands(context);
      }
    } finally {
      FileTrees.deleteQuietly(home);
    }
  }

  private static void commands(CliContext context) {
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    String[][] commands = {
      {"--version"},
      {"profile", "create", "training", "--port", "1"},
      {"profile", "list"},
      {"profile", "list", "--json"},
      {"-p", "training", "profile", "show"},
      {"status"},
      {"doctor"},
      {"gateway", "status", "--all"},
      // Refused here (nothing supervises the training home), but recorded in the audit trail: the
      // line every lifecycle command appends loads from the cache, and so does its reader.
      {"gateway", "stop"},
      {"gateway", "history"},
      {"profile", "delete", "training", "--yes"},
      {"--help"},
      {"profile", "create", "Bad"}
    };
    for (String[] command : commands) {
      Main.run(context, sink, sink, command);
    }
  }

  private static void gateway(CliContext context) throws IOException {
    System.setProperty(IDLE_TIMER_TICK, Long.toString(TRAINING_TICK_MILLIS));
    int port = TrainingHttp.freePort();
    Profile profile = context.home().profile("default");
    // Written as text: the YAML writer is not part of a gateway either.
    Files.writeString(profile.configFile(), "gateway:\n  port: " + port + "\n");
    // The command line a supervisor starts, parsed the way the real gateway's is.
    ArgParser.ParsedLine line = ArgParser.parse(new HermesCommand(), "gateway", "run", "--replace");
    context.profiles().require(profile.name());
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    GatewayRunner runner = new GatewayRunner();
    // An empty environment: the launcher may run this under s6 with HERMES_NOTIFY_FD set, and a
    // training gateway must never tell the supervisor that the real one is ready.
    GatewayOptions options =
        GatewayOptions.defaults()
            .withEnvironment(context.env())
            .withReplace(line.get(GatewayRunCommand.REPLACE))
            .withOutput(sink, sink);
    Thread gateway = new Thread(() -> runner.run(profile, options), "training-gateway");
    gateway.start();
    try {
      TrainingHttp.awaitOk(port, "GET /health", READY_TIMEOUT_MILLIS);
      TrainingHttp.request(port, "GET /status", null);
      TrainingHttp.request(port, "GET /nothing-here", null);
      TrainingHttp.request(port, "POST /v1/messages", "{\"message\": \"hello\"}");
      TrainingHttp.request(
          port, "POST /v1/messages", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");
      TrainingHttp.request(port, "POST /v1/messages", "{not json");
      Thread.sleep(4 * TRAINING_TICK_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      runner.requestStop();
      try {
        gateway.join(READY_TIMEOUT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

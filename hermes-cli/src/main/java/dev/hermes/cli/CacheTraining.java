package dev.hermes.cli;

import dev.hermes.core.ContainerProbe;
import dev.hermes.core.FileTrees;
import dev.hermes.core.HermesHome;
import dev.hermes.core.Profile;
import dev.hermes.gateway.GatewayOptions;
import dev.hermes.gateway.GatewayRunner;
import dev.hermes.supervision.none.NoServiceManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
 */
public final class CacheTraining {
  private static final long READY_TIMEOUT_MILLIS = 10_000;
  // The JDK server closes idle connections from a timer task (every 10 s by default) whose first
  // run links a lambda. Untrained, that first run in a gateway spins the lambda's class and
  // compiles
  // the class-file generator: several MB of native memory, 10 s into every gateway's life. A short
  // tick here lets the training run it.
  private static final String IDLE_TIMER_TICK = "sun.net.httpserver.clockTick";
  private static final long TRAINING_TICK_MILLIS = 50;

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
      if (args.length > 0 && args[0].equals("gateway")) {
        gateway(context);
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
    int port = freePort();
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
            .withReplace(line.flags().contains("--replace"))
            .withOutput(sink, sink);
    Thread gateway = new Thread(() -> runner.run(profile, options), "training-gateway");
    gateway.start();
    try {
      long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
      while (!request(port, "GET /health", null).contains(" 200 ")
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      request(port, "GET /status", null);
      request(port, "GET /nothing-here", null);
      request(port, "POST /v1/messages", "{\"message\": \"hello\"}");
      request(
          port, "POST /v1/messages", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");
      request(port, "POST /v1/messages", "{not json");
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    }
  }

  /** One request with a plain socket (the HTTP client is not part of an idle gateway). */
  private static String request(int port, String requestLine, String jsonBody) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5000);
      byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
      String head =
          requestLine
              + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
              + (jsonBody == null
                  ? ""
                  : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
              + "\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}

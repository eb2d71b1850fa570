package dev.hermes.gateway;

import static org.awaitility.Awaitility.await;

import dev.hermes.core.Profile;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link GatewayRunner} on a thread of the test JVM; signals stay the test JVM's own. */
final class InProcessGateway implements AutoCloseable {
  private final GatewayRunner runner = new GatewayRunner();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final Profile profile;

  private InProcessGateway(Profile profile) {
    this.profile = profile;
  }

  static GatewayOptions options(OutputStream out, PrintStream err) {
    return GatewayOptions.defaults()
        .withEnvironment(Map.of())
        .withOutput(out, err)
        .withSignalHandling(false)
        .withDrainTimeout(Duration.ofSeconds(5));
  }

  /** Starts the gateway and waits until it reports running (or has already exited). */
  static InProcessGateway start(Profile profile) {
    return start(profile, null);
  }

  /**
   * The same with its log going to {@code log} instead of {@link #output()} (e.g. a stream that
   * blocks, as a full log pipe does).
   */
  static InProcessGateway start(Profile profile, OutputStream log) {
    InProcessGateway gateway = new InProcessGateway(profile);
    OutputStream outStream =
        log != null ? log : new PrintStream(gateway.out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(gateway.err, true, StandardCharsets.UTF_8);
    Thread thread =
        new Thread(
            () -> {
              try {
                gateway.exit.complete(gateway.runner.run(profile, options(outStream, errStream)));
              } catch (Throwable t) {
                gateway.exit.completeExceptionally(t);
              }
            },
            "gateway-under-test-" + profile.name());
    thread.setDaemon(true);
    thread.start();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                gateway.exit.isDone()
                    || "running".equals(TestProfiles.state(profile).get("gateway_state")));
    return gateway;
  }

  Profile profile() {
    return profile;
  }

  boolean exited() {
    return exit.isDone();
  }

  String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Asks for a stop without waiting for it. */
  void requestStop() {
    runner.requestStop();
  }

  /** The exit code, waiting up to {@code seconds} for it. */
  int exitCode(long seconds) throws Exception {
    return exit.get(seconds, TimeUnit.SECONDS);
  }

  /** Stops the gateway and returns its exit code. */
  int stop() throws Exception {
    runner.requestStop();
    return exitCode(20);
  }

  @Override
  public void close() throws Exception {
    if (!exit.isDone()) {
      stop();
    }
  }
}

package dev.hermes.gateway;

import dev.hermes.core.EventLog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a gateway, beyond what its profile says.
 *
 * @param replace stop a gateway already running for the profile and take over ({@code --replace})
 * @param environment the process environment; read for {@code HERMES_NOTIFY_FD}
 * @param drainTimeout how long a stop waits for in-flight requests (default 5 s)
 * @param replaceGrace how long a replaced gateway gets between SIGTERM and SIGKILL (default 10 s)
 * @param out where log lines go (one per event), written by the log's own thread only
 * @param err where a refused start is reported ({@code gateway already running (PID n)})
 * @param handleSignals whether SIGTERM and SIGINT stop the gateway; off for in-process use, where
 *     the host JVM owns its signals and calls {@link GatewayRunner#requestStop()} instead
 */
public record GatewayOptions(
    boolean replace,
    Map<String, String> environment,
    Duration drainTimeout,
    Duration replaceGrace,
    OutputStream out,
    PrintStream err,
    boolean handleSignals) {
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REPLACE_GRACE = Duration.ofSeconds(10);

  public GatewayOptions {
    environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    Objects.requireNonNull(replaceGrace, "replaceGrace");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    if (drainTimeout.isNegative() || replaceGrace.isNegative()) {
      throw new IllegalArgumentException("timeouts must not be negative");
    }
  }

  /**
   * For {@code hermes gateway run}: the real environment, stdout (as a stream of its own, see
   * {@link EventLog#standardOutput()}) and stderr, signals handled.
   */
  public static GatewayOptions defaults() {
    return new GatewayOptions(
        false,
        System.getenv(),
        DEFAULT_DRAIN_TIMEOUT,
        DEFAULT_REPLACE_GRACE,
        EventLog.standardOutput(),
        System.err,
        true);
  }

  public GatewayOptions withReplace(boolean replace) {
    return new GatewayOptions(
        replace, environment, drainTimeout, replaceGrace, out, err, handleSignals);
  }

  public GatewayOptions withEnvironment(Map<String, String> environment) {
    return new GatewayOptions(
        replace, environment, drainTimeout, replaceGrace, out, err, handleSignals);
  }

  public GatewayOptions withDrainTimeout(Duration drainTimeout) {
    return new GatewayOptions(
        replace, environment, drainTimeout, replaceGrace, out, err, handleSignals);
  }

  public GatewayOptions withReplaceGrace(Duration replaceGrace) {
    return new GatewayOptions(
        replace, environment, drainTimeout, replaceGrace, out, err, handleSignals);
  }

  public GatewayOptions withOutput(OutputStream out, PrintStream err) {
    return new GatewayOptions(
        replace, environment, drainTimeout, replaceGrace, out, err, handleSignals);
  }

  public GatewayOptions withSignalHandling(boolean handleSignals) {
    return new GatewayOptions(
        replace, environment, drainTimeout, replaceGrace, out, err, handleSignals);
  }
}

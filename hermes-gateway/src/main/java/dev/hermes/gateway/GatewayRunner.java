package dev.hermes.gateway;

import dev.hermes.core.DeathFile;
import dev.hermes.core.Profile;
import dev.hermes.core.SignalTrap;
import dev.hermes.core.Version;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one profile's gateway in the foreground until it is asked to stop, and returns the process
 * exit code ({@link GatewayExitCodes}). {@code hermes [-p P] gateway run [--replace]} calls {@link
 * #run} and exits with the result.
 *
 * <p>The order is the contract: take the profile (lock, then pid file) before touching its state,
 * so a refused second instance never overwrites the running one's report; report {@code starting};
 * validate the configuration; bind; ask our own /health; report {@code running} and signal
 * readiness; wait; drain; report {@code stopped}; remove the pid file; release the lock.
 */
public final class GatewayRunner {
  private static final Duration SELF_CHECK_TIMEOUT = Duration.ofSeconds(5);

  private final Clock clock;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final AtomicBoolean started = new AtomicBoolean();

  public GatewayRunner() {
    this(Clock.systemUTC());
  }

  GatewayRunner(Clock clock) {
    this.clock = clock;
  }

  /** Asks a running gateway to drain and return {@link GatewayExitCodes#CLEAN_STOP}. */
  public void requestStop() {
    stopRequested.countDown();
  }

  /**
   * Runs the gateway of {@code profile}; blocks until it stops. A runner runs once.
   *
   * @return the exit code for the process: see {@link GatewayExitCodes}
   */
  public int run(Profile profile, GatewayOptions options) {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a GatewayRunner runs only once");
    }
    long pid = ProcessHandle.current().pid();
    // Closed last: the final lines ("stopped") get a bounded chance to reach the logger, and a
    // blocked logger costs the exit at most that bound.
    try (GatewayLog log = new GatewayLog(profile.name(), pid, options.out())) {
      log.keepDropCount(options.environment());
      return runLogged(profile, options, pid, log);
    }
  }

  private int runLogged(Profile profile, GatewayOptions options, long pid, GatewayLog log) {
    InstanceLock lock;
    try {
      lock = InstanceLock.acquire(profile, pid, options.replace(), options.replaceGrace(), log);
    } catch (InstanceLock.AlreadyRunningException e) {
      options.err().println(e.getMessage());
      options.err().flush();
      return GatewayExitCodes.FAILURE;
    } catch (InstanceLock.TakeoverFailedException e) {
      log.error(e.getMessage());
      return GatewayExitCodes.FAILURE;
    } catch (IOException | RuntimeException e) {
      // Also a gateway.lock hermes refuses (a link, not a regular file): a refused start.
      log.error("could not take " + profile.lockFile().getFileName() + ": " + describe(e));
      return GatewayExitCodes.FAILURE;
    }
    SignalTrap signals =
        options.handleSignals()
            ? SignalTrap.installStopping(
                SignalTrap.TERMINATION,
                name -> {
                  log.info("received SIG" + name + ": stopping");
                  requestStop();
                },
                log::warning,
                notice -> {
                  options.err().println("hermes: " + notice);
                  options.err().flush();
                })
            : null;
    try {
      return runHoldingLock(profile, options, pid, log, lock.replacedPid().isPresent());
    } catch (RuntimeException e) {
      log.error("unexpected failure: " + describe(e));
      return GatewayExitCodes.FAILURE;
    } finally {
      release(lock, log);
      if (signals != null) {
        signals.close();
      }
    }
  }

  private int runHoldingLock(
      Profile profile, GatewayOptions options, long pid, GatewayLog log, boolean tookOver) {
    GatewayLifecycle lifecycle = new GatewayLifecycle(profile.state(), clock, pid, log);
    lifecycle.reportStarting(DeathFile.fromEnvironment(options.environment()));
    log.info("starting hermes gateway " + Version.get());
    GatewayHttpServer server = null;
    try {
      GatewaySettings settings = GatewaySettings.load(profile);
      server =
          GatewayHttpServer.start(
              settings.host(),
              settings.port(),
              endpoints(profile.name(), pid, lifecycle, settings, log),
              settings.model().map(ModelRelay::slowestAnswer).orElse(Duration.ZERO),
              log,
              tookOver);
      log.info("listening on " + settings.host() + ":" + settings.port());
      describeModel(settings, log);
      if (!HealthProbe.answers(server.address(), SELF_CHECK_TIMEOUT)) {
        throw new IOException(
            "the gateway did not answer its own /health within "
                + SELF_CHECK_TIMEOUT.toSeconds()
                + "s");
      }
    } catch (FatalConfigurationException e) {
      stopQuietly(server);
      return failStartup(
          lifecycle,
          log,
          "fatal configuration: " + e.getMessage(),
          GatewayExitCodes.FATAL_CONFIGURATION);
    } catch (IOException | RuntimeException e) {
      stopQuietly(server);
      return failStartup(
          lifecycle, log, "unexpected failure: " + describe(e), GatewayExitCodes.FAILURE);
    }
    if (stopRequested.getCount() > 0) {
      lifecycle.fire(GatewayState.Event.READY);
      new ReadinessNotifier(options.environment(), log).notifyReady();
      log.info("ready");
    }
    awaitStopRequest();
    return stop(server, lifecycle, options.drainTimeout(), log);
  }

  private static Map<String, Endpoint> endpoints(
      String profile,
      long pid,
      GatewayLifecycle lifecycle,
      GatewaySettings settings,
      GatewayLog log) {
    Optional<ModelRelay> relay = settings.model().map(model -> new ModelRelay(model, log));
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    endpoints.put("/health", new HealthEndpoint(lifecycle));
    endpoints.put("/status", new StatusEndpoint(profile, pid, lifecycle, log::linesDropped));
    endpoints.put("/v1/messages", new MessagesEndpoint(relay, settings.configFile()));
    return endpoints;
  }

  private static void describeModel(GatewaySettings settings, GatewayLog log) {
    settings
        .model()
        .ifPresentOrElse(
            model ->
                log.info(
                    "relaying messages to "
                        + model.chatCompletions()
                        + " as model "
                        + model.model()
                        + (model.apiKey().isPresent()
                            ? " with an API key"
                            : " without an API key")),
            () ->
                log.warning(
                    "no model configured: /v1/messages answers 503 until model.base_url and"
                        + " model.name are set in "
                        + settings.configFile()));
  }

  private void awaitStopRequest() {
    try {
      stopRequested.await();
    } catch (InterruptedException e) {
      // Being interrupted is being told to stop.
      Thread.currentThread().interrupt();
    }
  }

  private static int stop(
      GatewayHttpServer server, GatewayLifecycle lifecycle, Duration drain, GatewayLog log) {
    lifecycle.fire(GatewayState.Event.STOP_REQUESTED);
    log.info("draining in-flight requests (up to " + drain.toMillis() + " ms)");
    int cutOff;
    try {
      cutOff = server.stop(drain);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cutOff = server.stopNow();
    }
    if (cutOff > 0) {
      log.warning(cutOff + " request(s) still in flight after the drain timeout were cut off");
    }
    lifecycle.fire(GatewayState.Event.DRAINED);
    log.info("stopped");
    return GatewayExitCodes.CLEAN_STOP;
  }

  private static int failStartup(
      GatewayLifecycle lifecycle, GatewayLog log, String reason, int exitCode) {
    log.error(reason);
    lifecycle.fail(reason);
    return exitCode;
  }

  private static void stopQuietly(GatewayHttpServer server) {
    if (server != null) {
      server.stopNow();
    }
  }

  private static void release(InstanceLock lock, GatewayLog log) {
    try {
      lock.close();
    } catch (IOException e) {
      log.warning("could not release the profile cleanly: " + describe(e));
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}

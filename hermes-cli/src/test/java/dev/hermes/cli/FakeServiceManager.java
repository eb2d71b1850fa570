package dev.hermes.cli;

import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A supervisor whose answers a test sets: every profile is registered and down unless marked up,
 * held down with a failure, or broken (its status throws). Lifecycle calls are refused, so
 * read-only commands are shown never to make them, unless {@link #acceptLifecycle} allows them.
 */
final class FakeServiceManager implements ServiceManager {
  private final ServiceManagerKind kind;
  private final String description;
  private final Map<String, GatewayStatus> statuses = new HashMap<>();
  private final Set<String> broken = new HashSet<>();
  private final Set<String> refusing = new HashSet<>();
  private final List<String> actions = new ArrayList<>();
  private final Map<String, String> failing = new HashMap<>();
  private final Set<String> crashing = new HashSet<>();
  private final Set<String> slow = new HashSet<>();
  private boolean lifecycle;
  private boolean scannerDown;

  FakeServiceManager(ServiceManagerKind kind, String description) {
    this.kind = kind;
    this.description = description;
  }

  /** s6 as a container's supervisor. */
  static FakeServiceManager container() {
    return new FakeServiceManager(ServiceManagerKind.S6, "s6 (container supervisor)");
  }

  /** s6 under {@code hermes up} on a host. */
  static FakeServiceManager local() {
    return new FakeServiceManager(ServiceManagerKind.S6, "s6 (hermes up, /tmp/x/run/service)");
  }

  FakeServiceManager up(String... profiles) {
    for (String profile : profiles) {
      statuses.put(
          profile,
          GatewayStatus.builder(profile)
              .up(4242)
              .ready(true)
              .normallyUp(true)
              .since(30)
              .restarts(0)
              .build());
    }
    return this;
  }

  /** Up but not ready yet. */
  FakeServiceManager starting(String profile) {
    statuses.put(
        profile,
        GatewayStatus.builder(profile).up(4243).normallyUp(true).since(1).restarts(0).build());
    return this;
  }

  /** Its gateway scanner (s6-svscan) is not running. */
  FakeServiceManager scannerDown() {
    scannerDown = true;
    return this;
  }

  @Override
  public boolean supervisorRunning() {
    return !scannerDown;
  }

  /**
   * Held down: a crash loop (exit 1, five crashes) when the failure says so, else a fatal
   * configuration (exit 78, which counts no crash).
   */
  FakeServiceManager heldDown(String profile, String failure) {
    boolean crashLoop = failure.startsWith("crash loop");
    statuses.put(
        profile,
        GatewayStatus.builder(profile)
            .normallyUp(true)
            .since(3)
            .exitCode(crashLoop ? 1 : 78)
            .restarts(crashLoop ? 5 : 0)
            .hold(new Hold(crashLoop ? HoldReason.CRASH_LOOP : HoldReason.FATAL_CONFIG, failure))
            .build());
    return this;
  }

  /**
   * Lets start, stop and restart through: each is recorded ("start coder") and changes the
   * profile's status; the {@code refusing} profiles fail the way s6-svc does.
   */
  FakeServiceManager acceptLifecycle(String... refusing) {
    lifecycle = true;
    this.refusing.addAll(List.of(refusing));
    return this;
  }

  /** A gateway that the supervisor holds down again whenever it is started. */
  FakeServiceManager keepsFailing(String profile, String failure) {
    failing.put(profile, failure);
    return heldDown(profile, failure);
  }

  /**
   * A gateway that ends again after every start, exit 1, and waits out a 3 s backoff before the
   * supervisor restarts it.
   */
  FakeServiceManager keepsCrashing(String profile) {
    crashing.add(profile);
    return down(profile);
  }

  /**
   * A gateway that takes its time: after a start it stays up but not ready, after a stop it stays
   * up, finishing its requests.
   */
  FakeServiceManager slow(String profile) {
    slow.add(profile);
    return this;
  }

  /** A profile no supervisor knows (s6: no slot; host backends: not installed). */
  FakeServiceManager notRegistered(String profile) {
    statuses.put(profile, GatewayStatus.notRegistered(profile));
    return this;
  }

  /** Registers profiles as down gateways. */
  FakeServiceManager down(String... profiles) {
    for (String profile : profiles) {
      statuses.put(profile, downStatus(profile));
    }
    return this;
  }

  List<String> actions() {
    return actions;
  }

  FakeServiceManager broken(String profile) {
    broken.add(profile);
    return this;
  }

  @Override
  public ServiceManagerKind kind() {
    return kind;
  }

  @Override
  public boolean supportsRuntimeRegistration() {
    return kind == ServiceManagerKind.S6;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void start(String profile) {
    act("start", profile, true);
  }

  @Override
  public void stop(String profile) {
    act("stop", profile, false);
  }

  @Override
  public void restart(String profile) {
    act("restart", profile, true);
  }

  private void act(String action, String profile, boolean up) {
    if (!lifecycle) {
      throw new UnsupportedOperationException(action + " " + profile);
    }
    if (refusing.contains(profile)) {
      throw new SupervisionException("the supervisor refused to " + action + " gateway-" + profile);
    }
    actions.add(action + " " + profile);
    if (slow.contains(profile)) {
      statuses.put(
          profile,
          up
              ? GatewayStatus.builder(profile)
                  .up(4243)
                  .normallyUp(true)
                  .since(0)
                  .restarts(0)
                  .build()
              : status(profile).toBuilder().wantUp(false).build());
    } else if (up && failing.containsKey(profile)) {
      heldDown(profile, failing.get(profile));
    } else if (up && crashing.contains(profile)) {
      GatewayStatus before = status(profile);
      statuses.put(
          profile,
          GatewayStatus.builder(profile)
              .wantUp(true)
              .normallyUp(true)
              .since(0)
              .exitCode(1)
              .restarts(Math.max(before.restarts(), 0) + 1)
              .backoff(3)
              .build());
    } else if (up && action.equals("restart") && status(profile).up()) {
      // A restart replaces the process: a new pid, as a real supervisor gives.
      statuses.put(
          profile, status(profile).toBuilder().up(status(profile).pid() + 1).since(0).build());
    } else if (up) {
      up(profile);
    } else {
      down(profile);
    }
  }

  @Override
  public GatewayStatus status(String profile) {
    if (broken.contains(profile)) {
      throw new SupervisionException("s6-svstat failed for gateway-" + profile);
    }
    return statuses.getOrDefault(profile, downStatus(profile));
  }

  private static GatewayStatus downStatus(String profile) {
    return GatewayStatus.builder(profile).since(10).exitCode(0).restarts(0).build();
  }

  /** s6 registers a new profile's gateway down, as profile create asks. */
  @Override
  public void register(String profile, boolean startNow) {
    if (startNow) {
      up(profile);
    } else {
      down(profile);
    }
  }

  @Override
  public void unregister(String profile) {
    statuses.remove(profile);
  }

  /** A host backend's install: the unit, agent or task exists afterwards, down. */
  @Override
  public void install(String profile) {
    if (kind == ServiceManagerKind.S6) {
      ServiceManager.super.install(profile);
    }
    actions.add("install " + profile);
    down(profile);
  }

  @Override
  public void uninstall(String profile) {
    if (kind == ServiceManagerKind.S6) {
      ServiceManager.super.uninstall(profile);
    }
    actions.add("uninstall " + profile);
    notRegistered(profile);
  }

  @Override
  public List<String> list() {
    return List.copyOf(
        new TreeSet<>(
            statuses.values().stream()
                .filter(GatewayStatus::registered)
                .map(GatewayStatus::profile)
                .toList()));
  }
}

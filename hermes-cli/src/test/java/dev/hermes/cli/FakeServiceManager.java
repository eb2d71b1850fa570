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

  FakeServiceManager heldDown(String profile, String failure) {
    statuses.put(
        profile,
        GatewayStatus.builder(profile)
            .normallyUp(true)
            .since(3)
            .exitCode(1)
            .restarts(5)
            .hold(
                new Hold(
                    failure.startsWith("crash loop")
                        ? HoldReason.CRASH_LOOP
                        : HoldReason.FATAL_CONFIG,
                    failure))
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
    if (up && failing.containsKey(profile)) {
      heldDown(profile, failing.get(profile));
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

  @Override
  public List<String> list() {
    return List.copyOf(new TreeSet<>(statuses.keySet()));
  }
}

package dev.hermes.cli;

import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A supervisor whose answers a test sets: every profile is registered and down unless marked up,
 * held down with a failure, or broken (its status throws). Lifecycle calls are refused: read-only
 * commands must never make them.
 */
final class FakeServiceManager implements ServiceManager {
  private final ServiceManagerKind kind;
  private final String description;
  private final Map<String, GatewayStatus> statuses = new HashMap<>();
  private final Set<String> broken = new HashSet<>();

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
          new GatewayStatus(profile, true, true, true, true, true, 4242, 30, -1, null, 0, null));
    }
    return this;
  }

  FakeServiceManager heldDown(String profile, String failure) {
    statuses.put(
        profile,
        new GatewayStatus(profile, true, false, false, false, true, -1, 3, 1, null, 5, failure));
    return this;
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
  public String describe() {
    return description;
  }

  @Override
  public void start(String profile) {
    throw new UnsupportedOperationException("start " + profile);
  }

  @Override
  public void stop(String profile) {
    throw new UnsupportedOperationException("stop " + profile);
  }

  @Override
  public void restart(String profile) {
    throw new UnsupportedOperationException("restart " + profile);
  }

  @Override
  public GatewayStatus status(String profile) {
    if (broken.contains(profile)) {
      throw new SupervisionException("s6-svstat failed for gateway-" + profile);
    }
    return statuses.getOrDefault(
        profile,
        new GatewayStatus(profile, true, false, false, false, false, -1, 10, 0, null, 0, null));
  }

  @Override
  public List<String> list() {
    return List.copyOf(new TreeSet<>(statuses.keySet()));
  }
}

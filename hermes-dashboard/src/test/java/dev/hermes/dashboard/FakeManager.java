package dev.hermes.dashboard;

import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A supervisor whose gateways are all registered; records lifecycle calls and status reads. */
final class FakeManager implements ServiceManager {
  final List<String> actions = new CopyOnWriteArrayList<>();
  final AtomicInteger statusReads = new AtomicInteger();
  final Map<String, GatewayStatus> statuses = new ConcurrentHashMap<>();
  final Map<String, String> refusing = new ConcurrentHashMap<>();

  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.S6;
  }

  @Override
  public String describe() {
    return "fake supervisor";
  }

  @Override
  public void start(String profile) {
    act("start", profile);
    statuses.put(
        profile,
        GatewayStatus.builder(profile)
            .up(4242)
            .ready(true)
            .normallyUp(true)
            .since(0)
            .restarts(0)
            .build());
  }

  @Override
  public void stop(String profile) {
    act("stop", profile);
    statuses.remove(profile);
  }

  @Override
  public void restart(String profile) {
    act("restart", profile);
  }

  @Override
  public GatewayStatus status(String profile) {
    statusReads.incrementAndGet();
    return statuses.getOrDefault(
        profile, GatewayStatus.builder(profile).since(5).exitCode(0).restarts(0).build());
  }

  @Override
  public List<String> list() {
    return List.of();
  }

  FakeManager heldDown(String profile, String reason) {
    statuses.put(
        profile,
        GatewayStatus.builder(profile)
            .normallyUp(true)
            .since(3)
            .exitCode(1)
            .restarts(2)
            .hold(
                new Hold(
                    reason.startsWith("crash loop")
                        ? HoldReason.CRASH_LOOP
                        : HoldReason.FATAL_CONFIG,
                    reason))
            .build());
    return this;
  }

  private void act(String action, String profile) {
    String refusal = refusing.get(profile);
    if (refusal != null) {
      throw new SupervisionException(refusal);
    }
    actions.add(action + " " + profile);
  }
}

package dev.hermes.supervision.testing;

import dev.hermes.core.state.Death;
import dev.hermes.core.state.DeathCause;
import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import dev.hermes.supervision.GatewayAction;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A supervisor whose answers a test sets: every profile is registered and down unless marked up,
 * held down with a failure, or broken (its status throws). Lifecycle calls are refused, so
 * read-only commands are shown never to make them, unless {@link #acceptLifecycle} allows them;
 * then each is recorded ({@code "start coder"}) and changes the profile's status as its {@link
 * Reaction} says. Safe to use from a server's handler threads (the dashboard's tests).
 */
public final class FakeServiceManager implements ServiceManager {
  /** What a start, stop or restart the supervisor accepted does to a gateway's status. */
  @FunctionalInterface
  public interface Reaction {
    GatewayStatus after(GatewayAction action, GatewayStatus before);
  }

  private final ServiceManagerKind kind;
  private final String description;
  private final Map<String, GatewayStatus> statuses = new ConcurrentHashMap<>();
  private final Map<String, Reaction> reactions = new ConcurrentHashMap<>();
  private final Map<String, UnaryOperator<String>> refusals = new ConcurrentHashMap<>();
  private final Set<String> broken = ConcurrentHashMap.newKeySet();
  private final Map<String, Deque<GatewayStatus>> scripts = new ConcurrentHashMap<>();
  private final List<String> actions = new CopyOnWriteArrayList<>();
  private final AtomicInteger statusReads = new AtomicInteger();
  private volatile boolean lifecycle;
  private volatile boolean scannerDown;

  public FakeServiceManager(ServiceManagerKind kind, String description) {
    this.kind = kind;
    this.description = description;
  }

  /** s6 as a container's supervisor. */
  public static FakeServiceManager container() {
    return new FakeServiceManager(ServiceManagerKind.S6, "s6 (container supervisor)");
  }

  /** s6 under {@code hermes up} on a host. */
  public static FakeServiceManager local() {
    return new FakeServiceManager(ServiceManagerKind.S6, "s6 (hermes up, /tmp/x/run/service)");
  }

  /** Up and ready, for 30 s. */
  public FakeServiceManager up(String... profiles) {
    for (String profile : profiles) {
      statuses.put(profile, upStatus(profile));
    }
    return this;
  }

  /** Up but not ready yet. */
  public FakeServiceManager starting(String profile) {
    statuses.put(
        profile,
        GatewayStatus.builder(profile).up(4243).normallyUp(true).since(1).restarts(0).build());
    return this;
  }

  /** Registered and down. */
  public FakeServiceManager down(String... profiles) {
    for (String profile : profiles) {
      statuses.put(profile, downStatus(profile));
    }
    return this;
  }

  /**
   * Held down: a crash loop (exit 1, five crashes) when the failure says so, else a fatal
   * configuration (exit 78, which counts no crash).
   */
  public FakeServiceManager heldDown(String profile, String failure) {
    statuses.put(profile, heldStatus(profile, failure));
    return this;
  }

  /** A gateway that the supervisor holds down again whenever it is started. */
  public FakeServiceManager keepsFailing(String profile, String failure) {
    reactsWith(
        profile,
        (action, before) -> action.bringsUp() ? heldStatus(profile, failure) : downStatus(profile));
    return heldDown(profile, failure);
  }

  /** A profile no supervisor knows (s6: no slot; host backends: not installed). */
  public FakeServiceManager notRegistered(String profile) {
    statuses.put(profile, GatewayStatus.notRegistered(profile));
    return this;
  }

  /**
   * A gateway seen changing: {@link #status} answers these in order, the last one from then on
   * (replacing any earlier script for the profile).
   */
  public FakeServiceManager answers(String profile, GatewayStatus... inOrder) {
    scripts.put(profile, new ArrayDeque<>(List.of(inOrder)));
    return this;
  }

  /** Its status cannot be read: every {@link #status} call throws. */
  public FakeServiceManager broken(String profile) {
    broken.add(profile);
    return this;
  }

  /** Its gateway scanner (s6-svscan) is not running. */
  public FakeServiceManager scannerDown() {
    scannerDown = true;
    return this;
  }

  /**
   * Lets start, stop and restart through; the {@code refusing} profiles fail the way s6-svc does.
   */
  public FakeServiceManager acceptLifecycle(String... refusing) {
    lifecycle = true;
    for (String profile : refusing) {
      refusals.put(profile, verb -> "the supervisor refused to " + verb + " gateway-" + profile);
    }
    return this;
  }

  /** Every action on the profile fails with this message. */
  public FakeServiceManager refuses(String profile, String message) {
    refusals.put(profile, verb -> message);
    return this;
  }

  /** Actions on the profile change its status this way instead of {@link #obey}. */
  public FakeServiceManager reactsWith(String profile, Reaction reaction) {
    reactions.put(profile, reaction);
    return this;
  }

  /** The lifecycle calls accepted so far, in order: {@code "start coder"}. */
  public List<String> actions() {
    return actions;
  }

  /** How many times {@link #status} was asked, {@link #statusAll} counting each profile. */
  public int statusReads() {
    return statusReads.get();
  }

  /** The default reaction: down after a stop, up and ready after a start or restart. */
  public static GatewayStatus obey(GatewayAction action, GatewayStatus before) {
    if (!action.bringsUp()) {
      return downStatus(before.profile());
    }
    if (action == GatewayAction.RESTART && before.up()) {
      // A restart replaces the process: a new pid, as a real supervisor gives.
      return before.toBuilder().up(before.pid() + 1).since(0).build();
    }
    return upStatus(before.profile());
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
  public boolean supervisorRunning() {
    return !scannerDown;
  }

  @Override
  public void start(String profile) {
    act(GatewayAction.START, profile);
  }

  @Override
  public void stop(String profile) {
    act(GatewayAction.STOP, profile);
  }

  @Override
  public void restart(String profile) {
    act(GatewayAction.RESTART, profile);
  }

  private void act(GatewayAction action, String profile) {
    if (!lifecycle) {
      throw new UnsupportedOperationException(action.verb() + " " + profile);
    }
    UnaryOperator<String> refusal = refusals.get(profile);
    if (refusal != null) {
      throw new SupervisionException(refusal.apply(action.verb()));
    }
    actions.add(action.verb() + " " + profile);
    GatewayStatus before = statuses.getOrDefault(profile, downStatus(profile));
    statuses.put(
        profile, reactions.getOrDefault(profile, FakeServiceManager::obey).after(action, before));
  }

  @Override
  public GatewayStatus status(String profile) {
    statusReads.incrementAndGet();
    if (broken.contains(profile)) {
      throw new SupervisionException("s6-svstat failed for gateway-" + profile);
    }
    Deque<GatewayStatus> script = scripts.get(profile);
    if (script != null) {
      synchronized (script) {
        return script.size() > 1 ? script.poll() : script.peek();
      }
    }
    return statuses.getOrDefault(profile, downStatus(profile));
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
    hostUnit("install", profile, ServiceManager.super::install, downStatus(profile));
  }

  @Override
  public void uninstall(String profile) {
    hostUnit(
        "uninstall",
        profile,
        ServiceManager.super::uninstall,
        GatewayStatus.notRegistered(profile));
  }

  private void hostUnit(
      String verb, String profile, Consumer<String> refusalUnderS6, GatewayStatus after) {
    if (kind == ServiceManagerKind.S6) {
      // The interface's own refusal, as the real s6 backend gives: it registers profiles instead.
      refusalUnderS6.accept(profile);
    }
    actions.add(verb + " " + profile);
    statuses.put(profile, after);
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

  private static GatewayStatus upStatus(String profile) {
    return GatewayStatus.builder(profile)
        .up(4242)
        .ready(true)
        .normallyUp(true)
        .since(30)
        .restarts(0)
        .build();
  }

  private static GatewayStatus downStatus(String profile) {
    return GatewayStatus.builder(profile).since(10).exitCode(0).restarts(0).build();
  }

  /** When the held gateways of the fake last died, as s6's finish script records it. */
  public static final long HELD_DEATH_EPOCH_SECOND = 1_796_000_000L;

  private static GatewayStatus heldStatus(String profile, String failure) {
    boolean crashLoop = failure.startsWith("crash loop");
    int code = crashLoop ? 1 : 78;
    return GatewayStatus.builder(profile)
        .normallyUp(true)
        .since(3)
        .exitCode(code)
        .death(new Death(DeathCause.EXIT_CODE, "exit " + code, HELD_DEATH_EPOCH_SECOND))
        .restarts(crashLoop ? 5 : 0)
        .hold(new Hold(crashLoop ? HoldReason.CRASH_LOOP : HoldReason.FATAL_CONFIG, failure))
        .build();
  }
}

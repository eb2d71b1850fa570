package dev.hermes.supervision;

import dev.hermes.core.FileRefusedException;
import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.HermesHome;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditAction;
import dev.hermes.core.audit.AuditEvent;
import dev.hermes.core.audit.AuditLog;
import dev.hermes.core.state.DesiredState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The operator's lifecycle actions: each goes through the service manager and records the wish as
 * {@code desired_state}, which the boot reconciler restores after a restart, then reports what the
 * supervisor made of it. Boot and shutdown paths call the service manager directly so they never
 * change what the operator wanted.
 *
 * <p>Every action is one line of the audit trail, whether it worked or not, naming who took it
 * ({@link #as}); a start that releases a hold adds a {@code release} line before it.
 */
public final class GatewayControl {
  /**
   * How long an action without {@code --wait} watches the gateway before it reports: long enough
   * for a gateway that cannot start to be held again (a JVM start, its exit, the finish script's
   * record; about 2 s here, more on a loaded machine), and returned from as soon as the gateway is
   * ready or has failed, so only a slow start costs the whole bound.
   */
  public static final Duration SETTLE = Duration.ofSeconds(10);

  private final ServiceManager manager;
  private final HermesHome home;
  private final Clock clock;
  private final AuditLog audit;
  private final Actor actor;
  private final String reason;

  /** Actions taken through the CLI, recorded in {@code audit}. */
  public GatewayControl(ServiceManager manager, HermesHome home, Clock clock, AuditLog audit) {
    this(manager, home, clock, audit, Actor.CLI, "");
  }

  private GatewayControl(
      ServiceManager manager,
      HermesHome home,
      Clock clock,
      AuditLog audit,
      Actor actor,
      String reason) {
    this.manager = manager;
    this.home = home;
    this.clock = clock;
    this.audit = audit;
    this.actor = actor;
    this.reason = reason;
  }

  /** The same control, its actions recorded as taken by {@code actor}, for {@code reason}. */
  public GatewayControl as(Actor actor, String reason) {
    return new GatewayControl(manager, home, clock, audit, actor, reason);
  }

  public ServiceManager manager() {
    return manager;
  }

  /** Where the actions are recorded. */
  public AuditLog audit() {
    return audit;
  }

  /** Acts and records {@code desired_state}; returns what the gateway was before, to settle on. */
  public GatewayStatus act(GatewayAction action, String profile) {
    GatewayStatus before;
    try {
      before = manager.status(profile);
    } catch (RuntimeException e) {
      audit.record(profile, auditAction(action), actor, reason, AuditEvent.failure(e));
      throw e;
    }
    apply(action, profile, before);
    return before;
  }

  /** Acts and records {@code desired_state}, the status before already known (many at once). */
  public void apply(GatewayAction action, String profile, GatewayStatus before) {
    audit.recorded(
        profile,
        auditAction(action),
        actor,
        reason,
        () -> {
          action.applyTo(manager, profile);
          recordDesired(profile, action.desired());
          if (action.bringsUp() && before.hold() != null) {
            // The supervisor's own start clears the hold (s6: the re-arm marker and
            // hermes-failure); the release goes just before the start's own line.
            audit.record(profile, AuditAction.RELEASE, actor, before.hold().message(), "ok");
          }
        });
  }

  /** Acts, then watches for {@link #SETTLE} and says what happened. */
  public GatewayOutcome actAndSettle(GatewayAction action, String profile) {
    GatewayStatus before = act(action, profile);
    return new GatewayWait(manager).settle(profile, action, before, SETTLE);
  }

  /**
   * Whether the operator means the gateway to run: {@code desired_state}, else what the gateway
   * last reported, the same rule the boot reconciler follows.
   */
  public boolean meantToRun(String profile) {
    try {
      return home.profile(profile).state().priorState().flatMap(DesiredState::parse).orElse(null)
          == DesiredState.RUNNING;
    } catch (FileRefusedException e) {
      // A state file hermes refuses to read states no wish; doctor and status name the file.
      return false;
    }
  }

  private static AuditAction auditAction(GatewayAction action) {
    return switch (action) {
      case START -> AuditAction.START;
      case STOP -> AuditAction.STOP;
      case RESTART -> AuditAction.RESTART;
    };
  }

  private void recordDesired(String profile, DesiredState desired) {
    home.profile(profile)
        .state()
        .merge(
            Map.of(
                GatewayStateFile.DESIRED_STATE,
                desired.word(),
                GatewayStateFile.UPDATED_AT,
                Instant.now(clock).toString()));
  }
}

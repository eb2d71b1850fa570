package dev.hermes.supervision;

import dev.hermes.core.FileRefusedException;
import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.HermesHome;
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

  public GatewayControl(ServiceManager manager, HermesHome home, Clock clock) {
    this.manager = manager;
    this.home = home;
    this.clock = clock;
  }

  public ServiceManager manager() {
    return manager;
  }

  /** Acts and records {@code desired_state}; returns what the gateway was before, to settle on. */
  public GatewayStatus act(GatewayAction action, String profile) {
    GatewayStatus before = manager.status(profile);
    apply(action, profile);
    return before;
  }

  /** Acts and records {@code desired_state}, the status before already known (many at once). */
  public void apply(GatewayAction action, String profile) {
    action.applyTo(manager, profile);
    recordDesired(profile, action.desired());
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

package dev.hermes.supervision;

import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.HermesHome;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The operator's lifecycle actions: each goes through the service manager and records the wish as
 * {@code desired_state}, which the boot reconciler restores after a restart. Boot and shutdown
 * paths call the service manager directly so they never change what the operator wanted.
 */
public final class GatewayControl {
  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";

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

  public void start(String profile) {
    manager.start(profile);
    recordDesired(profile, RUNNING);
  }

  public void stop(String profile) {
    manager.stop(profile);
    recordDesired(profile, STOPPED);
  }

  public void restart(String profile) {
    manager.restart(profile);
    recordDesired(profile, RUNNING);
  }

  private void recordDesired(String profile, String desired) {
    home.profile(profile)
        .state()
        .merge(
            Map.of(
                GatewayStateFile.DESIRED_STATE,
                desired,
                GatewayStateFile.UPDATED_AT,
                Instant.now(clock).toString()));
  }
}

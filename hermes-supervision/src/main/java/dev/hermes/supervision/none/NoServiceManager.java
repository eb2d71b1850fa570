package dev.hermes.supervision.none;

import dev.hermes.core.ProfileNames;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionException;
import java.util.List;

/**
 * The host has no supervisor hermes can drive (no s6, no systemd user bus, not macOS or Windows).
 * Nothing is supervised: every gateway runs in the foreground with {@code hermes gateway run}, so
 * lifecycle requests fail with that advice and status reports nothing registered.
 */
public final class NoServiceManager implements ServiceManager {
  static final String NO_MANAGER =
      "no service manager on this host: run the gateway in the foreground with 'hermes gateway"
          + " run'";

  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.NONE;
  }

  @Override
  public String describe() {
    return "none (gateways run in the foreground: 'hermes gateway run')";
  }

  @Override
  public void start(String profile) {
    throw new SupervisionException(NO_MANAGER);
  }

  @Override
  public void stop(String profile) {
    throw new SupervisionException(NO_MANAGER);
  }

  @Override
  public void restart(String profile) {
    throw new SupervisionException(NO_MANAGER);
  }

  /** The interface default would say "profile create registers them", which is not so here. */
  @Override
  public void install(String profile) {
    throw new SupervisionException(NO_MANAGER);
  }

  @Override
  public void uninstall(String profile) {
    throw new SupervisionException(NO_MANAGER);
  }

  @Override
  public GatewayStatus status(String profile) {
    return GatewayStatus.notRegistered(ProfileNames.validate(profile));
  }

  @Override
  public List<String> list() {
    return List.of();
  }
}

package dev.hermes.supervision.none;

import dev.hermes.core.ProfileNames;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionException;
import java.nio.file.Path;
import java.util.List;

/**
 * The host has no supervisor hermes can drive (no s6, no systemd user bus, not macOS or Windows),
 * or s6 is installed but no {@code hermes up} is running for this HERMES_HOME. Nothing is
 * supervised: lifecycle requests fail with the advice that fits (start {@code hermes up}, or run
 * the gateway in the foreground) and status reports every gateway {@code not-supervised}.
 */
public final class NoServiceManager implements ServiceManager {
  static final String NO_MANAGER =
      "no service manager on this host: run the gateway in the foreground with 'hermes gateway"
          + " run'";

  private final String advice;
  private final String description;

  /** No supervisor at all: gateways run in the foreground. */
  public NoServiceManager() {
    this(NO_MANAGER, "none (gateways run in the foreground: 'hermes gateway run')");
  }

  private NoServiceManager(String advice, String description) {
    this.advice = advice;
    this.description = description;
  }

  /**
   * s6 is installed, so {@code hermes up} could supervise this HERMES_HOME, but none is running:
   * say so, rather than advising the foreground.
   */
  public static NoServiceManager withoutHermesUp(Path hermesHome) {
    String advice =
        "no supervisor is running for HERMES_HOME " + hermesHome + ": start it with 'hermes up'";
    return new NoServiceManager(advice, "none (" + advice + ")");
  }

  /** The one line every lifecycle request fails with. */
  public String advice() {
    return advice;
  }

  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.NONE;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void start(String profile) {
    throw new SupervisionException(advice);
  }

  @Override
  public void stop(String profile) {
    throw new SupervisionException(advice);
  }

  @Override
  public void restart(String profile) {
    throw new SupervisionException(advice);
  }

  /** The interface default would say "profile create registers them", which is not so here. */
  @Override
  public void install(String profile) {
    throw new SupervisionException(advice);
  }

  @Override
  public void uninstall(String profile) {
    throw new SupervisionException(advice);
  }

  @Override
  public GatewayStatus status(String profile) {
    return GatewayStatus.notRegistered(ProfileNames.validate(profile));
  }

  @Override
  public String unsupervisedReason(String profile) {
    return advice;
  }

  @Override
  public List<String> list() {
    return List.of();
  }
}

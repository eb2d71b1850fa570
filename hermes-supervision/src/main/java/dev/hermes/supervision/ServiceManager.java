package dev.hermes.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Controls the gateway of each profile through one supervisor. Exactly one implementation per
 * supervisor; {@link ServiceManagerResolver} picks the one that applies. Only s6 can add and remove
 * gateways while running ({@link #supportsRuntimeRegistration()}); the host backends install a
 * unit, agent or task per profile instead.
 */
public interface ServiceManager {
  ServiceManagerKind kind();

  /** One line for {@code hermes status}, e.g. {@code s6 (container supervisor)}. */
  String describe();

  void start(String profile);

  void stop(String profile);

  void restart(String profile);

  GatewayStatus status(String profile);

  /** The status of each profile, in the same order; backends may answer many at once faster. */
  default List<GatewayStatus> statusAll(List<String> profiles) {
    List<GatewayStatus> statuses = new ArrayList<>();
    for (String profile : profiles) {
      statuses.add(status(profile));
    }
    return statuses;
  }

  /**
   * Whether the supervisor of the gateways itself runs (s6: an s6-svscan listens on the scandir).
   * Backends that cannot tell, or whose supervisor is the host's own, answer true.
   */
  default boolean supervisorRunning() {
    return true;
  }

  /**
   * Why the supervisor holds the dashboard it runs beside the gateways down (only {@code hermes
   * up}'s s6 runs one so): the line the dashboard wrote when it refused its configuration.
   */
  default Optional<String> dashboardHoldReason() {
    return Optional.empty();
  }

  /**
   * Why a gateway this supervisor does not know is not supervised, with what to do about it: the
   * reason beside {@code not-supervised} in every listing.
   */
  default String unsupervisedReason(String profile) {
    return supportsRuntimeRegistration()
        ? "not registered with s6: 'hermes profile create' registers a new profile, 'hermes up' or a"
            + " container boot every existing one"
        : "not installed: 'hermes -p "
            + profile
            + " gateway install' installs its "
            + kind().label()
            + " unit";
  }

  /**
   * The statuses a view that polls every gateway should read: this manager's own answers unless the
   * backend can tell cheaply that nothing changed (s6).
   */
  default StatusCache statusCache() {
    return StatusCache.direct(this);
  }

  /**
   * What a supervisor of service directories in a scandir (s6) offers beyond this interface: the
   * boot reconciler, the scanner, the doctor's view of a dashboard slot. Empty for the host
   * backends.
   */
  default Optional<ServiceDirectories> serviceDirectories() {
    return Optional.empty();
  }

  default boolean supportsRuntimeRegistration() {
    return false;
  }

  /** Adds the profile's gateway to the supervisor, running or down. s6 only. */
  default void register(String profile, boolean startNow) {
    throw new SupervisionException(
        "runtime registration needs the s6 supervisor (container or 'hermes up')");
  }

  /** Stops and removes the profile's gateway; a no-op when it is not registered. s6 only. */
  default void unregister(String profile) {
    throw new SupervisionException(
        "runtime registration needs the s6 supervisor (container or 'hermes up')");
  }

  /** Installs the per-profile unit, agent or task (host backends). */
  default void install(String profile) {
    throw new SupervisionException(
        kind().label() + " does not install gateways: profile create registers them");
  }

  default void uninstall(String profile) {
    throw new SupervisionException(
        kind().label() + " does not install gateways: profile delete unregisters them");
  }

  /** Names of the profiles whose gateways this supervisor knows, sorted. */
  List<String> list();
}

package dev.hermes.supervision;

import java.nio.file.Path;
import java.util.List;

/**
 * Gateway statuses for a view that asks about every gateway every second (the dashboard). A backend
 * whose status costs a process per gateway answers from what it read last while nothing can have
 * changed; the others ask the supervisor every time ({@link #direct}).
 */
public interface StatusCache {
  GatewayStatus status(String profile);

  /** The status of each profile, in the same order. */
  default List<GatewayStatus> statusAll(List<String> profiles) {
    return profiles.stream().map(this::status).toList();
  }

  /** Forgets everything, e.g. after this process changed a gateway itself. */
  void clear();

  /**
   * The files whose identity, size or modification time changes whenever this profile's status can
   * have changed, for a view that stats them often and asks for statuses only when one moved. Empty
   * when the backend has no such files: such a view then falls back to asking at intervals.
   */
  default List<Path> watchedFiles(String profile) {
    return List.of();
  }

  /**
   * No cache: every status is the manager's answer of the moment, many at once in the manager's own
   * {@link ServiceManager#statusAll}.
   */
  static StatusCache direct(ServiceManager manager) {
    return new StatusCache() {
      @Override
      public GatewayStatus status(String profile) {
        return manager.status(profile);
      }

      @Override
      public List<GatewayStatus> statusAll(List<String> profiles) {
        return manager.statusAll(profiles);
      }

      @Override
      public void clear() {}
    };
  }
}

package dev.hermes.supervision;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A supervisor that runs each gateway from a service directory (a slot) that hermes writes itself
 * into a scan directory watched by a scanner: s6. What only such a supervisor can do (rebuild every
 * slot at boot, be asked whether its scanner runs, report on a service directory that is not a
 * gateway's) is offered here, through {@link ServiceManager#serviceDirectories()}, so callers never
 * name the backend.
 */
public interface ServiceDirectories {
  /** The scan directory holding the gateways' slots. */
  Path scandir();

  /** The slot of a profile's gateway, whether it exists or not. */
  Path slot(String profile);

  /**
   * Writes (or rewrites) a slot without asking the scanner to rescan: the boot path, where the
   * scanner starts afterwards, and the reconciler, which rescans once at the end.
   */
  void writeSlot(String profile, boolean down);

  /** Asks the scanner to pick up new slots and drop vanished ones; false when none is running. */
  boolean rescan();

  /** True when a scanner watches the scan directory. */
  boolean scannerRunning();

  /** Deletes staging and removal leftovers; only safe while no scanner runs. */
  void removeLeftovers();

  /** Names of the profiles with a slot, sorted. */
  List<String> list();

  /** Stops and removes the profile's gateway; a no-op when it has no slot. */
  void unregister(String profile);

  /** The directory of the supervisor's programs this manager runs. */
  Path programsDir();

  /** What the supervisor says about any service directory, e.g. a dashboard's slot. */
  ServiceObservation observe(Path serviceDirectory);

  /** Why the supervisor holds the dashboard beside the gateways down, if it does. */
  Optional<String> dashboardHoldReason();
}

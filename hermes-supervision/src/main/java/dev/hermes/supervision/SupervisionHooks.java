package dev.hermes.supervision;

import dev.hermes.core.Profile;
import dev.hermes.core.ProfileHooks;
import java.util.function.Supplier;

/**
 * Registers a new profile's gateway (down) and unregisters it before the profile is deleted, where
 * the supervisor supports runtime registration; a silent no-op on host backends.
 */
public final class SupervisionHooks implements ProfileHooks {
  private final Supplier<ServiceManager> manager;

  public SupervisionHooks(Supplier<ServiceManager> manager) {
    this.manager = manager;
  }

  @Override
  public void created(Profile profile) {
    ServiceManager m = manager.get();
    if (m.supportsRuntimeRegistration()) {
      m.register(profile.name(), false);
    }
  }

  @Override
  public void deleting(Profile profile) {
    ServiceManager m = manager.get();
    if (m.supportsRuntimeRegistration()) {
      m.unregister(profile.name());
    }
  }
}

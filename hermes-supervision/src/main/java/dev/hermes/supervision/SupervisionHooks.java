package dev.hermes.supervision;

import dev.hermes.core.Profile;
import dev.hermes.core.ProfileHooks;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditAction;
import dev.hermes.core.audit.AuditLog;
import java.util.function.Supplier;

/**
 * Registers a new profile's gateway (down) and unregisters it before the profile is deleted, where
 * the supervisor supports runtime registration; a silent no-op on host backends. Each registration
 * is a {@code register} or {@code unregister} line of the audit trail.
 */
public final class SupervisionHooks implements ProfileHooks {
  private final Supplier<ServiceManager> manager;
  private final AuditLog audit;
  private final Actor actor;

  public SupervisionHooks(Supplier<ServiceManager> manager, AuditLog audit, Actor actor) {
    this.manager = manager;
    this.audit = audit;
    this.actor = actor;
  }

  @Override
  public void created(Profile profile) {
    ServiceManager m = manager.get();
    if (m.supportsRuntimeRegistration()) {
      recorded(
          profile,
          AuditAction.REGISTER,
          "profile created",
          () -> m.register(profile.name(), false));
    }
  }

  @Override
  public void deleting(Profile profile) {
    ServiceManager m = manager.get();
    if (m.supportsRuntimeRegistration()) {
      recorded(
          profile, AuditAction.UNREGISTER, "profile deleted", () -> m.unregister(profile.name()));
    }
  }

  private void recorded(Profile profile, AuditAction action, String reason, Runnable change) {
    audit.recorded(profile.name(), action, actor, reason, change);
  }
}

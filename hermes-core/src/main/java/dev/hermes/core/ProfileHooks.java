package dev.hermes.core;

/**
 * What the supervision layer does when profiles come and go: register the new profile's gateway
 * (down) and unregister a gateway before its profile directory disappears. Hosts without runtime
 * registration use {@link #NONE}.
 */
public interface ProfileHooks {
  ProfileHooks NONE = new ProfileHooks() {};

  default void created(Profile profile) {}

  default void deleting(Profile profile) {}
}

package dev.hermes.core.audit;

import java.util.Optional;

/** What happened to a gateway, as the {@code action} of an audit line. */
public enum AuditAction {
  START("start"),
  STOP("stop"),
  RESTART("restart"),
  /** Its slot (s6) or unit (host backends) was created. */
  REGISTER("register"),
  /** Its slot or unit was removed. */
  UNREGISTER("unregister"),
  /** It ended without being asked to and the supervisor restarts it (the finish script). */
  CRASH("crash"),
  /** The supervisor holds it down (the finish script). */
  HOLD("hold"),
  /** A start released a hold. */
  RELEASE("release"),
  /** The boot reconciler rebuilt its slot from the persistent state. */
  RECONCILE("reconcile");

  private final String word;

  AuditAction(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  /** The action a line names, or empty for anything else. */
  public static Optional<AuditAction> parse(Object value) {
    for (AuditAction action : values()) {
      if (action.word.equals(value)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return word;
  }
}

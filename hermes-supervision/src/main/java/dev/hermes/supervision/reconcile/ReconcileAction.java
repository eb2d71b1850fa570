package dev.hermes.supervision.reconcile;

/**
 * What the reconciler did for one profile. {@code priorState} is null when the profile had no
 * readable state; {@code action} is {@code started}, {@code registered} (down) or {@code kept} (a
 * live scanner already supervises the slot).
 */
public record ReconcileAction(String profile, String priorState, String action) {
  public String describe() {
    return "profile="
        + profile
        + " prior_state="
        + (priorState == null ? "none" : priorState)
        + " action="
        + action;
  }
}

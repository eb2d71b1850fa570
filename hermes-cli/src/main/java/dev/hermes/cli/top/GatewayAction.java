package dev.hermes.cli.top;

import dev.hermes.supervision.GatewayControl;
import java.util.function.BiConsumer;

/** The lifecycle actions the terminal view offers, worded like {@code hermes gateway start}. */
public enum GatewayAction {
  START("start", "Started", GatewayControl::start),
  STOP("stop", "Stopped", GatewayControl::stop),
  RESTART("restart", "Restarted", GatewayControl::restart);

  private final String verb;
  private final String pastTense;
  private final BiConsumer<GatewayControl, String> apply;

  GatewayAction(String verb, String pastTense, BiConsumer<GatewayControl, String> apply) {
    this.verb = verb;
    this.pastTense = pastTense;
    this.apply = apply;
  }

  public String verb() {
    return verb;
  }

  public String pastTense() {
    return pastTense;
  }

  /** Through {@link GatewayControl}, so {@code desired_state} is recorded as the CLI does. */
  void apply(GatewayControl control, String profile) {
    apply.accept(control, profile);
  }
}

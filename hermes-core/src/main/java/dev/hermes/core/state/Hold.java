package dev.hermes.core.state;

import java.util.Objects;

/**
 * The supervisor holds a gateway down: why, as a code, and the one line an operator reads (e.g.
 * {@code crash loop (5 exits in 40s, last: exit 1)} or {@code fatal configuration: port 9119 on
 * 127.0.0.1 is in use by another program}).
 */
public record Hold(HoldReason reason, String message) {
  public Hold {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  public ActualState state() {
    return reason.state();
  }
}

package dev.hermes.gateway;

import dev.hermes.core.ReadinessNotice;
import java.util.Map;

/** Signals readiness once per gateway run, however many times the server reports it ready. */
final class ReadinessNotifier {
  static final String VARIABLE = ReadinessNotice.VARIABLE;

  private final Map<String, String> environment;
  private final GatewayLog log;
  private boolean notified;

  ReadinessNotifier(Map<String, String> environment, GatewayLog log) {
    this.environment = environment;
    this.log = log;
  }

  /** Writes the newline; a second call does nothing. */
  synchronized void notifyReady() {
    if (notified) {
      return;
    }
    notified = true;
    ReadinessNotice.send(environment, log::warning);
  }
}

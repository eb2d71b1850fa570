package dev.hermes.gateway;

import dev.hermes.core.ReadinessNotice;
import dev.hermes.core.ReadyStamp;
import java.time.Instant;
import java.util.Map;

/**
 * Signals readiness once per gateway run, however many times the server reports it ready. Under s6
 * it first records the ready time in the slot ({@link ReadyStamp}), so the crash-loop policy can
 * tell a crash after a healthy period from one of a crash loop; the stamp is written before the
 * notice so it exists whenever s6 reports the gateway ready.
 */
final class ReadinessNotifier {
  static final String VARIABLE = ReadinessNotice.VARIABLE;

  private final Map<String, String> environment;
  private final GatewayLog log;
  private boolean notified;

  ReadinessNotifier(Map<String, String> environment, GatewayLog log) {
    this.environment = environment;
    this.log = log;
  }

  /** Records the ready time and writes the newline; a second call does nothing. */
  synchronized void notifyReady() {
    if (notified) {
      return;
    }
    notified = true;
    ReadyStamp.write(environment, Instant.now(), log::warning);
    ReadinessNotice.send(environment, log::warning);
  }
}

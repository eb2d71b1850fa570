package dev.hermes.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM and SIGINT into a stop request. The JVM's own handlers would run shutdown hooks and
 * exit 143 (130), which supervisors read as a crash; the spec wants a drain and exit 0. The handler
 * only hands the request over: the main thread does the drain, so the order of shutdown steps stays
 * in one place. {@code sun.misc.Signal} (module jdk.unsupported) is the only signal API the JDK
 * has.
 */
final class SignalTrap implements AutoCloseable {
  private static final List<String> SIGNALS = List.of("TERM", "INT");

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  private SignalTrap() {}

  /** Calls {@code onSignal} with the signal's name ("TERM", "INT") each time one arrives. */
  static SignalTrap install(Consumer<String> onSignal, GatewayLog log) {
    SignalTrap trap = new SignalTrap();
    for (String name : SIGNALS) {
      try {
        Signal signal = new Signal(name);
        SignalHandler old = Signal.handle(signal, s -> onSignal.accept(s.getName()));
        trap.signals.add(signal);
        trap.previous.add(old);
      } catch (IllegalArgumentException e) {
        // Unknown on this platform, or claimed by the JVM (-Xrs): the default behaviour stays.
        log.warning("cannot handle SIG" + name + ": " + e.getMessage());
      }
    }
    return trap;
  }

  /** Puts the previous handlers back. */
  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      try {
        Signal.handle(signals.get(i), previous.get(i));
      } catch (IllegalArgumentException e) {
        // Nothing to restore to.
      }
    }
  }
}

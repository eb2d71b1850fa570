package dev.hermes.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns termination signals into a stop request. The JVM's own handlers would run shutdown hooks
 * and exit 128+N, which supervisors read as a crash; hermes wants a clean stop and exit 0. The
 * handler only hands the request over: the main thread does the stopping, so the order of shutdown
 * steps stays in one place. {@code sun.misc.Signal} (module jdk.unsupported) is the only signal API
 * the JDK has.
 */
public final class SignalTrap implements AutoCloseable {
  /** What a foreground server stops on. */
  public static final List<String> TERMINATION = List.of("TERM", "INT");

  /** What an interactive foreground command stops on: also its terminal going away. */
  public static final List<String> TERMINAL_SESSION = List.of("TERM", "INT", "HUP");

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  private SignalTrap() {}

  /**
   * Calls {@code onSignal} with the signal's name ("TERM", "INT", ...) each time one of {@code
   * names} arrives; a signal that cannot be handled is reported to {@code warn} and keeps its
   * default behaviour.
   */
  public static SignalTrap install(
      List<String> names, Consumer<String> onSignal, Consumer<String> warn) {
    SignalTrap trap = new SignalTrap();
    for (String name : names) {
      try {
        Signal signal = new Signal(name);
        SignalHandler old = Signal.handle(signal, s -> onSignal.accept(s.getName()));
        trap.signals.add(signal);
        trap.previous.add(old);
      } catch (IllegalArgumentException e) {
        // Unknown on this platform, or claimed by the JVM (-Xrs): the default behaviour stays.
        warn.accept("cannot handle SIG" + name + ": " + e.getMessage());
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

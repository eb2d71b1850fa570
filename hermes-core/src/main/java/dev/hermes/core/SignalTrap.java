package dev.hermes.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns termination signals into a stop request. The JVM's own handlers would run shutdown hooks
 * and exit 128+N, which supervisors read as a crash; hermes wants a clean stop and exit 0. The
 * handler only hands the request over: the main thread does the stopping, so the order of shutdown
 * steps stays in one place. {@code sun.misc.Signal} (module jdk.unsupported) is the only signal API
 * the JDK has.
 *
 * <p>A signal the parent left ignored (a non-interactive shell's {@code cmd &} ignores SIGINT) is
 * one HotSpot never installs a handler for, and {@code Signal.handle} then silently keeps it
 * ignored: it reports the old handler as {@code SIG_IGN} and that is all. Only the process that
 * execs the JVM can undo it, which is why {@code bin/hermes} resets SIGINT and SIGTERM for the
 * commands that run until stopped and names them in {@value #RESET_PROPERTY}.
 */
public final class SignalTrap implements AutoCloseable {
  /** What a foreground server stops on. */
  public static final List<String> TERMINATION = List.of("TERM", "INT");

  /** What an interactive foreground command stops on: also its terminal going away. */
  public static final List<String> TERMINAL_SESSION = List.of("TERM", "INT", "HUP");

  /**
   * Set by {@code bin/hermes} to the signals (e.g. {@code INT,TERM}) it reset to their default
   * action because the parent process had them ignored.
   */
  public static final String RESET_PROPERTY = "hermes.signals.reset";

  /** The signals that must stop a long-running command whatever the parent did to them. */
  private static final Set<String> STOP_SIGNALS = Set.of("INT", "TERM");

  /** One process reports its inherited signals once, however many traps it installs. */
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private final List<String> stillIgnored = new ArrayList<>();

  private SignalTrap() {}

  /**
   * Calls {@code onSignal} with the signal's name ("TERM", "INT", ...) each time one of {@code
   * names} arrives; a signal that cannot be handled is reported to {@code warn} and keeps its
   * default behaviour. A signal inherited as ignored stays ignored, silently.
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
        if (old == SignalHandler.SIG_IGN && STOP_SIGNALS.contains(name)) {
          trap.stillIgnored.add(name);
        }
      } catch (IllegalArgumentException e) {
        // Unknown on this platform, or claimed by the JVM (-Xrs): the default behaviour stays.
        warn.accept("cannot handle SIG" + name + ": " + e.getMessage());
      }
    }
    return trap;
  }

  /**
   * As {@link #install}, for the commands that run until stopped ({@code up}, {@code gateway run},
   * {@code dashboard}): says once on {@code notice} which of SIGINT and SIGTERM the launcher took
   * back from an ignoring parent, and warns once about one that is still ignored (the JVM was
   * started without the launcher, or without an {@code env} that can reset it).
   */
  public static SignalTrap installStopping(
      List<String> names,
      Consumer<String> onSignal,
      Consumer<String> warn,
      Consumer<String> notice) {
    SignalTrap trap = install(names, onSignal, warn);
    if (REPORTED.compareAndSet(false, true)) {
      for (String name : resetByLauncher(System.getProperty(RESET_PROPERTY))) {
        if (names.contains(name) && !trap.stillIgnored.contains(name)) {
          notice.accept("SIG" + name + " was ignored by the parent process; handling it anyway");
        }
      }
      for (String name : trap.stillIgnored) {
        warn.accept(stillIgnoredWarning(name, trap.stillIgnored));
      }
    }
    return trap;
  }

  /** The names in the launcher's property, e.g. {@code INT,TERM}; unknown ones are dropped. */
  static List<String> resetByLauncher(String property) {
    if (property == null || property.isBlank()) {
      return List.of();
    }
    return Arrays.stream(property.split(","))
        .map(String::strip)
        .filter(STOP_SIGNALS::contains)
        .distinct()
        .toList();
  }

  static String stillIgnoredWarning(String name, List<String> ignored) {
    String other = name.equals("INT") ? "TERM" : "INT";
    String stopWith = ignored.contains(other) ? "SIGKILL" : "SIG" + other;
    return "SIG"
        + name
        + " was ignored by the parent process and stays ignored (a JVM cannot take an ignored"
        + " signal back; bin/hermes does with GNU env --default-signal): stop this process with "
        + stopWith;
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

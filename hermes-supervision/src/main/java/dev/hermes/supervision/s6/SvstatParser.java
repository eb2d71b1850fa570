package dev.hermes.supervision.s6;

import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.ServiceObservation;
import dev.hermes.supervision.ServiceObservation.State;
import dev.hermes.supervision.SupervisionException;

/**
 * Parses the machine format of {@code s6-svstat -o up,wantedup,normallyup,ready,pid,exitcode,
 * signal,updownfor}: eight space-separated fields, e.g. {@code true true true true 4242 -1 NA 17}.
 * The human format is never parsed.
 */
public final class SvstatParser {
  public static final String FIELDS = "up,wantedup,normallyup,ready,pid,exitcode,signal,updownfor";

  /** s6-svstat's exit code when no s6-supervise runs on the directory. */
  private static final int NOT_SUPERVISED = 1;

  /** The parsed fields; {@code pid} is -1 when down, {@code signal} null when none. */
  public record Svstat(
      boolean up,
      boolean wantUp,
      boolean normallyUp,
      boolean ready,
      int pid,
      int exitCode,
      String signal,
      long sinceSeconds) {}

  private SvstatParser() {}

  public static Svstat parse(String output) {
    String[] f = output.trim().split("\\s+");
    if (f.length != 8) {
      throw new SupervisionException("unexpected s6-svstat output: '" + output.trim() + "'");
    }
    try {
      return new Svstat(
          bool(f[0]),
          bool(f[1]),
          bool(f[2]),
          bool(f[3]),
          Integer.parseInt(f[4]),
          Integer.parseInt(f[5]),
          "NA".equals(f[6]) ? null : f[6],
          Long.parseLong(f[7]));
    } catch (NumberFormatException e) {
      throw new SupervisionException("unexpected s6-svstat output: '" + output.trim() + "'");
    }
  }

  /**
   * A finished {@code s6-svstat -o} {@value #FIELDS} run as an observation: exit 1 means no
   * s6-supervise runs on the directory, any other failure that its status could not be read.
   */
  static ServiceObservation observe(CommandResult result) {
    if (result.exitCode() == NOT_SUPERVISED) {
      return ServiceObservation.unsupervised();
    }
    if (!result.ok()) {
      String line = result.firstErrorLine();
      return ServiceObservation.unreadable(
          line.isEmpty() ? "s6-svstat exited " + result.exitCode() : line);
    }
    Svstat s;
    try {
      s = parse(result.stdout());
    } catch (SupervisionException e) {
      return ServiceObservation.unreadable(e.getMessage());
    }
    State state;
    if (s.up()) {
      state = s.ready() ? State.READY : State.STARTING;
    } else {
      state = s.wantUp() ? State.RESTARTING : State.STOPPED;
    }
    return new ServiceObservation(state, s.exitCode(), s.signal(), null);
  }

  private static boolean bool(String field) {
    return switch (field) {
      case "true" -> true;
      case "false" -> false;
      // s6 prints "throttled" for "up" when a restart is being delayed: not running now.
      case "throttled" -> false;
      default -> throw new NumberFormatException(field);
    };
  }
}

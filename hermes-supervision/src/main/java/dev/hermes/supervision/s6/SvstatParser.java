package dev.hermes.supervision.s6;

import dev.hermes.supervision.SupervisionException;

/**
 * Parses the machine format of {@code s6-svstat -o up,wantedup,normallyup,ready,pid,exitcode,
 * signal,updownfor}: eight space-separated fields, e.g. {@code true true true true 4242 -1 NA 17}.
 * The human format is never parsed.
 */
public final class SvstatParser {
  public static final String FIELDS = "up,wantedup,normallyup,ready,pid,exitcode,signal,updownfor";

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

package dev.hermes.cli;

import dev.hermes.supervision.GatewayOverview;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of {@code hermes gateway status}: one place, so the printed table and the terminal
 * view ({@code hermes gateway top}) always show a gateway the same way.
 */
public final class GatewayColumns {
  private static final List<String> USAGE_HEADER = List.of("CPU%", "MEM");

  /** After PROFILE, DESIRED, ACTUAL, PID and UPTIME. */
  private static final int USAGE_AT = 5;

  private GatewayColumns() {}

  /** The header line, then one aligned line per gateway. */
  public static List<String> lines(List<GatewayOverview> rows) {
    return lines(rows, null);
  }

  /**
   * The same, with the terminal view's {@code CPU%} and {@code MEM} after {@code UPTIME}: {@code
   * usage} gives each row's two cells.
   */
  public static List<String> lines(
      List<GatewayOverview> rows, Function<GatewayOverview, List<String>> usage) {
    List<String> header =
        new ArrayList<>(
            List.of(
                "PROFILE",
                "DESIRED",
                "ACTUAL",
                "PID",
                "UPTIME",
                "RESTARTS",
                "PORT",
                "LAST EXIT",
                "REASON"));
    if (usage != null) {
      header.addAll(USAGE_AT, USAGE_HEADER);
    }
    Table table = new Table(header.toArray(String[]::new));
    for (GatewayOverview row : rows) {
      List<String> cells =
          new ArrayList<>(
              List.of(
                  row.profile(),
                  row.desired() == null ? "-" : row.desired().word(),
                  row.actual().word(),
                  row.pid() > 0 ? Integer.toString(row.pid()) : "-",
                  Uptime.format(row.uptimeSeconds()),
                  Integer.toString(row.restarts()),
                  port(row),
                  Table.orDash(row.lastExit()),
                  Table.orDash(row.reason())));
      if (usage != null) {
        cells.addAll(USAGE_AT, usage.apply(row));
      }
      table.add(cells.toArray(String[]::new));
    }
    return table.lines();
  }

  public static void print(List<GatewayOverview> rows, PrintWriter out) {
    lines(rows).forEach(out::println);
  }

  /** A profile whose config cannot be used shows {@code bad-config}, as in {@code profile list}. */
  static String port(GatewayOverview row) {
    if (row.configError() != null) {
      return "bad-config";
    }
    return row.port() == null ? "-" : row.port().toString();
  }
}

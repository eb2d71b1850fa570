package dev.hermes.cli;

import dev.hermes.supervision.GatewayOverview;
import java.io.PrintWriter;
import java.util.List;

/**
 * The columns of {@code hermes gateway status}: one place, so the printed table and the terminal
 * view ({@code hermes gateway top}) always show a gateway the same way.
 */
public final class GatewayColumns {
  private GatewayColumns() {}

  /** The header line, then one aligned line per gateway. */
  public static List<String> lines(List<GatewayOverview> rows) {
    Table table =
        new Table(
            "PROFILE",
            "DESIRED",
            "ACTUAL",
            "PID",
            "UPTIME",
            "RESTARTS",
            "PORT",
            "LAST EXIT",
            "REASON");
    for (GatewayOverview row : rows) {
      table.add(
          row.profile(),
          row.desired() == null ? "-" : row.desired().word(),
          row.actual().word(),
          row.pid() > 0 ? Integer.toString(row.pid()) : "-",
          Uptime.format(row.uptimeSeconds()),
          Integer.toString(row.restarts()),
          port(row),
          Table.orDash(row.lastExit()),
          Table.orDash(row.reason()));
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

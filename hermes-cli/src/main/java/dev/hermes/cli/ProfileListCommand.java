package dev.hermes.cli;

import java.io.PrintWriter;
import java.util.List;

/** {@code hermes profile list [--json]}: name, port, desired and actual state of every profile. */
public final class ProfileListCommand implements CliCommand {
  static final Option<Boolean> JSON =
      Option.flag("--json", "Print a JSON array instead of a table.");

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("list")
        .describe("List profiles with their gateway port, desired and actual state.")
        .option(JSON);
  }

  @Override
  public int run(Invocation in) {
    List<ProfileListRow> rows =
        ProfileListRow.of(in.context().profiles().list(), in.context().serviceManager());
    PrintWriter out = in.out();
    if (in.get(JSON)) {
      out.println(Json.write(rows.stream().map(ProfileListRow::toJson).toList()));
      return 0;
    }
    Table table = new Table("PROFILE", "PORT", "DESIRED", "ACTUAL");
    for (ProfileListRow row : rows) {
      table.add(
          row.profile().name(),
          GatewayColumns.port(row.gateway()),
          Table.orDash(row.profile().desired()),
          row.gateway().actual().word());
    }
    table.print(out);
    return 0;
  }
}

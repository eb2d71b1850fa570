package dev.hermes.cli;

import dev.hermes.core.ProfileSummary;
import java.io.PrintWriter;
import java.util.List;

/** {@code hermes profile list [--json]}: name, port, desired and actual state of every profile. */
public final class ProfileListCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("list")
        .describe("List profiles with their gateway port, desired and actual state.")
        .flag("--json", "Print a JSON array instead of a table.");
  }

  @Override
  public int run(Invocation in) {
    List<ProfileSummary> rows =
        in.context().profiles().list().stream().map(ProfileSummary::of).toList();
    PrintWriter out = in.out();
    if (in.flag("--json")) {
      out.println(Json.write(rows.stream().map(ProfileSummary::toJson).toList()));
      return 0;
    }
    Table table = new Table("PROFILE", "PORT", "DESIRED", "ACTUAL");
    for (ProfileSummary row : rows) {
      table.add(
          row.name(),
          row.port() == null ? "-" : row.port().toString(),
          orDash(row.desired()),
          row.configError() != null ? "bad-config" : orDash(row.reported()));
    }
    table.print(out);
    return 0;
  }

  static String orDash(String value) {
    return value == null ? "-" : value;
  }
}

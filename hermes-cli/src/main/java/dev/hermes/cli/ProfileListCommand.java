package dev.hermes.cli;

import dev.hermes.core.ProfileSummary;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hermes profile list [--json]}: name, port, desired and actual state of every profile. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List profiles with their gateway port, desired and actual state.")
public final class ProfileListCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Override
  public void run() {
    List<ProfileSummary> rows =
        HermesCommand.root(spec).context().profiles().list().stream()
            .map(ProfileSummary::of)
            .toList();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(rows));
      return;
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
  }

  static String orDash(String value) {
    return value == null ? "-" : value;
  }
}

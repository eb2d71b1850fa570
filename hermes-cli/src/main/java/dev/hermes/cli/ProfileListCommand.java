package dev.hermes.cli;

import dev.hermes.core.Profile;
import dev.hermes.core.ProfileSummary;
import dev.hermes.supervision.GatewayOverview;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    List<Profile> profiles = in.context().profiles().list();
    List<ProfileSummary> rows = profiles.stream().map(ProfileSummary::of).toList();
    // The actual state in the words gateway status uses, from the supervisor.
    List<GatewayOverview> gateways = GatewayOverview.of(profiles, in.context().serviceManager());
    PrintWriter out = in.out();
    if (in.get(JSON)) {
      List<Map<String, Object>> json = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        Map<String, Object> row = rows.get(i).toJson();
        row.put("actual", gateways.get(i).actual().word());
        row.put("reason", gateways.get(i).reason());
        json.add(row);
      }
      out.println(Json.write(json));
      return 0;
    }
    Table table = new Table("PROFILE", "PORT", "DESIRED", "ACTUAL");
    for (int i = 0; i < rows.size(); i++) {
      ProfileSummary row = rows.get(i);
      table.add(
          row.name(),
          row.configError() != null
              ? "bad-config"
              : row.port() == null ? "-" : row.port().toString(),
          orDash(row.desired()),
          gateways.get(i).actual().word());
    }
    table.print(out);
    return 0;
  }

  static String orDash(String value) {
    return value == null ? "-" : value;
  }
}

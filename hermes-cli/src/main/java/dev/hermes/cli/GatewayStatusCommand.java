package dev.hermes.cli;

import dev.hermes.core.Profile;
import dev.hermes.supervision.GatewayOverview;
import java.util.List;

/** {@code hermes [-p P] gateway status [--all] [--json]}. */
public final class GatewayStatusCommand implements CliCommand {
  static final Option<Boolean> ALL = Option.flag("--all", "Every profile, default first.");
  static final Option<Boolean> JSON =
      Option.flag("--json", "Print a JSON array instead of a table.");

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("status")
        .describe(
            "Show the profile's gateway (every profile's with --all): desired and actual state,"
                + " ready, pid, uptime, restarts, port and the last exit reason.",
            "ACTUAL is one of: ready, starting, down, crash-loop, failed, not-registered.")
        .option(ALL)
        .option(JSON);
  }

  @Override
  public int run(Invocation in) {
    CliContext context = in.context();
    List<Profile> profiles =
        in.get(ALL) ? context.profiles().list() : List.of(context.profile(in.profile()));
    List<GatewayOverview> rows = GatewayOverview.of(profiles, context.serviceManager());
    if (in.get(JSON)) {
      in.out().println(Json.write(rows.stream().map(GatewayOverview::toJson).toList()));
      return 0;
    }
    GatewayColumns.print(rows, in.out());
    return 0;
  }
}

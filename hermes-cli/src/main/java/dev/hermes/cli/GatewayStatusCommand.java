package dev.hermes.cli;

import dev.hermes.core.Profile;
import dev.hermes.supervision.GatewayOverview;
import dev.hermes.supervision.ServiceManager;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hermes [-p P] gateway status [--all] [--json]}. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the profile's gateway (every profile's with --all): desired and actual state, ready,"
          + " pid, uptime, restarts, port and the last exit reason.",
      "ACTUAL is one of: ready, starting, down, crash-loop, failed, not-registered."
    })
public final class GatewayStatusCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--all", description = "Every profile, default first.")
  boolean all;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Override
  public void run() {
    HermesCommand root = HermesCommand.root(spec);
    CliContext context = root.context();
    List<Profile> profiles =
        all ? context.profiles().list() : List.of(context.profile(root.profile()));
    ServiceManager manager = context.serviceManager();
    List<GatewayOverview> rows =
        profiles.stream().map(p -> GatewayOverview.of(p, manager.status(p.name()))).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(rows));
      return;
    }
    GatewayColumns.print(rows, out);
  }
}

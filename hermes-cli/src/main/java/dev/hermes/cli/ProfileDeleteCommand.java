package dev.hermes.cli;

import dev.hermes.core.HermesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hermes profile delete NAME --yes}: stops and unregisters the gateway, then deletes. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description =
        "Delete a profile: unregister (stop) its gateway, then remove its directory and logs.")
public final class ProfileDeleteCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The profile to delete.")
  String name;

  @Option(names = "--yes", description = "Confirm the deletion; without it nothing is deleted.")
  boolean yes;

  @Override
  public void run() {
    if (!yes) {
      throw new HermesException(
          "refusing to delete profile '" + name + "' without --yes (it removes its files)");
    }
    HermesCommand.root(spec).context().profiles().delete(name);
    spec.commandLine().getOut().println("✓ Deleted profile '" + name + "'");
  }
}

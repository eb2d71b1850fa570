package dev.hermes.cli;

import dev.hermes.core.ConfigMigration;
import dev.hermes.core.Profile;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hermes config migrate [--dry-run]}: brings every profile's config.yaml to the current
 * schema, keeping a backup. The container runs it at every boot; it prints a line only for a file
 * it changed or had to leave alone.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Bring every profile's config.yaml to the current schema (its config_version),"
          + " copying it to config.yaml.bak-vN first.",
      "Files already current print nothing; unreadable or newer ones are left alone with a"
          + " 'skipped' line. The container runs this at boot unless"
          + " HERMES_SKIP_CONFIG_MIGRATION=1."
    })
public final class ConfigMigrateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--dry-run", description = "Print what would change; write nothing.")
  boolean dryRun;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    for (Profile profile : HermesCommand.root(spec).context().profiles().list()) {
      ConfigMigration.migrate(profile, dryRun)
          .filter(o -> o.skipped() != null || o.from() != o.to())
          .ifPresent(o -> out.println("config: " + (dryRun ? "(dry run) " : "") + o.describe()));
    }
    out.flush();
  }
}

package dev.hermes.cli;

import dev.hermes.core.ConfigMigration;
import dev.hermes.core.Profile;
import java.io.PrintWriter;

/**
 * {@code hermes config migrate [--dry-run]}: brings every profile's config.yaml to the current
 * schema, keeping a backup. The container runs it at every boot; it prints a line only for a file
 * it changed or had to leave alone.
 */
public final class ConfigMigrateCommand implements CliCommand {
  static final Option<Boolean> DRY_RUN =
      Option.flag("--dry-run", "Print what would change; write nothing.");

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("migrate")
        .describe(
            "Bring every profile's config.yaml to the current schema (its config_version),"
                + " copying it to config.yaml.bak-vN first.",
            "Files already current print nothing; unreadable or newer ones are left alone with a"
                + " 'skipped' line. The container's boot does the same ('supervise reconcile"
                + " --migrate-config') unless HERMES_SKIP_CONFIG_MIGRATION=1.")
        .option(DRY_RUN);
  }

  @Override
  public int run(Invocation in) {
    migrateAll(in.context(), in.get(DRY_RUN), in.out());
    return 0;
  }

  /** Migrates every profile's config.yaml, a line for each file changed or left alone. */
  static void migrateAll(CliContext context, boolean dryRun, PrintWriter out) {
    for (Profile profile : context.profiles().list()) {
      ConfigMigration.migrate(profile, dryRun)
          .filter(o -> o.skipped() != null || o.from() != o.to())
          .ifPresent(o -> out.println("config: " + (dryRun ? "(dry run) " : "") + o.describe()));
    }
    out.flush();
  }
}

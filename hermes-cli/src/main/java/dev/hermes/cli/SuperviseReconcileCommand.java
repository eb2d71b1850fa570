package dev.hermes.cli;

import dev.hermes.supervision.ServiceDirectories;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.SupervisionException;
import dev.hermes.supervision.reconcile.BootReconciler;
import java.time.Clock;

/** {@code hermes supervise reconcile [--dry-run]}: rebuild every gateway slot from the volume. */
public final class SuperviseReconcileCommand implements CliCommand {
  static final Option<Boolean> DRY_RUN =
      Option.flag("--dry-run", "Print what would be done; change nothing.");
  static final Option<Boolean> MIGRATE_CONFIG =
      Option.flag(
          "--migrate-config",
          "First bring every config.yaml to the current schema, as 'hermes config migrate'"
              + " does (the container's boot: one JVM for both).");

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("reconcile")
        .describe(
            "Rebuild every gateway's s6 slot from HERMES_HOME: the default profile first, then"
                + " each profile with SOUL.md by name; only gateways whose prior state is"
                + " 'running' start.",
            "Runs at container boot and at 'hermes up'; safe to run by hand (slots a live"
                + " s6-svscan already supervises are kept).")
        .option(DRY_RUN)
        .option(MIGRATE_CONFIG);
  }

  @Override
  public int run(Invocation in) {
    CliContext context = in.context();
    ServiceManager manager = context.serviceManager();
    ServiceDirectories s6 =
        manager
            .serviceDirectories()
            .orElseThrow(
                () ->
                    new SupervisionException(
                        "reconcile needs the s6 supervisor (container or 'hermes up'); this host"
                            + " uses "
                            + manager.describe()));
    if (in.get(MIGRATE_CONFIG)) {
      try {
        ConfigMigrateCommand.migrateAll(context, in.get(DRY_RUN), in.out());
      } catch (RuntimeException e) {
        // As when it ran on its own at boot: a failed migration must not keep gateways down.
        in.err()
            .println(
                "reconcile: warning: config migration failed, the files are left as"
                    + " they were: "
                    + e.getMessage());
        in.err().flush();
      }
    }
    new BootReconciler(context.home(), s6, Clock.systemUTC(), in.out())
        .reconcile(
            context.env().get(BootReconciler.BOOTSTRAP_VARIABLE),
            s6.scannerRunning(),
            in.get(DRY_RUN));
    return 0;
  }
}

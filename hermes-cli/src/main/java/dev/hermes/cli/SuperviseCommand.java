package dev.hermes.cli;

/** {@code hermes supervise}: supervision plumbing used at boot and by the slot scripts. */
public final class SuperviseCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("supervise")
        .describe("Supervision plumbing: boot reconciliation and crash records.")
        .subcommand("reconcile", SuperviseReconcileCommand::new)
        .subcommand("record-failure", SuperviseRecordFailureCommand::new);
  }

  @Override
  public int run(Invocation invocation) {
    invocation.printUsage();
    return 0;
  }
}

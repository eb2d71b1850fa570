package dev.hermes.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hermes supervise}: supervision plumbing used at boot and by the slot scripts. */
@Command(
    name = "supervise",
    mixinStandardHelpOptions = true,
    description = "Supervision plumbing: boot reconciliation and crash records.",
    subcommands = {SuperviseReconcileCommand.class, SuperviseRecordFailureCommand.class})
public final class SuperviseCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

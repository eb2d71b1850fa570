package dev.hermes.cli;

import dev.hermes.supervision.s6.FailureRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hermes [-p P] supervise record-failure --reason R}: called by a slot's finish script when
 * s6 holds the gateway down, to record {@code startup_failed} and the reason.
 */
@Command(
    name = "record-failure",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Record that the supervisor holds the gateway down (used by finish scripts).")
public final class SuperviseRecordFailureCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
  String reason;

  @Override
  public void run() {
    HermesCommand root = HermesCommand.root(spec);
    FailureRecorder.record(root.context().home().profile(root.profile()), reason);
  }
}

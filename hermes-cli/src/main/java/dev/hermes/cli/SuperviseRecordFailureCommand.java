package dev.hermes.cli;

import dev.hermes.supervision.s6.FailureRecorder;

/**
 * {@code hermes [-p P] supervise record-failure --reason R}: called by a slot's finish script when
 * s6 holds the gateway down, to record {@code startup_failed} and the reason.
 */
public final class SuperviseRecordFailureCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("record-failure")
        .describe("Record that the supervisor holds the gateway down (used by finish scripts).")
        .requiredOption("--reason", "TEXT", "Why.")
        .hidden();
  }

  @Override
  public int run(Invocation in) {
    FailureRecorder.record(in.context().home().profile(in.profile()), in.option("--reason"));
    return 0;
  }
}

package dev.hermes.cli;

import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import dev.hermes.supervision.local.SlotHold;
import java.nio.file.Path;

/**
 * {@code hermes [-p P] supervise record-failure --code C --reason R [--hold-file F]}: called by a
 * slot's finish script when s6 holds the gateway down, to record {@code startup_failed} and the
 * reason, and to write the hold as status shows it into F (the script moves it into place).
 */
public final class SuperviseRecordFailureCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("record-failure")
        .describe("Record that the supervisor holds the gateway down (used by finish scripts).")
        .requiredOption("--reason", "TEXT", "Why, as the finish script sees it.")
        .option("--code", "CODE", "The hold reason code: crash-loop or fatal-config.")
        .option("--hold-file", "FILE", "Where to write the hold as status shows it.")
        .hidden();
  }

  @Override
  public int run(Invocation in) {
    String reason = in.option("--reason");
    String code = in.option("--code");
    HoldReason kind =
        code != null
            ? HoldReason.parse(code)
                .orElseThrow(() -> in.usageError("unknown hold reason code '" + code + "'"))
            : HoldReason.ofMessage(reason);
    String file = in.option("--hold-file");
    SlotHold.record(
        in.context().home().profile(in.profile()),
        new Hold(kind, reason),
        file != null ? Path.of(file) : null);
    return 0;
  }
}

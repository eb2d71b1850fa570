package dev.hermes.cli;

import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import dev.hermes.supervision.local.SlotHold;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code hermes [-p P] supervise record-failure --code C --reason R [--hold-file F]}: called by a
 * slot's finish script when s6 holds the gateway down, to record {@code startup_failed} and the
 * reason, and to write the hold as status shows it into F (the script moves it into place).
 */
public final class SuperviseRecordFailureCommand implements CliCommand {
  static final Option<String> REASON =
      Option.text("--reason", "TEXT", "Why, as the finish script sees it.").required();

  /** Absent (a finish script of an older install): the reason's text tells. */
  static final Option<Optional<HoldReason>> CODE =
      Option.value(
              "--code",
              "CODE",
              "The hold reason code.",
              ValueType.oneOf(HoldReason.values(), HoldReason::code))
          .optional();

  static final Option<Optional<String>> HOLD_FILE =
      Option.text("--hold-file", "FILE", "Where to write the hold as status shows it.").optional();

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("record-failure")
        .describe("Record that the supervisor holds the gateway down (used by finish scripts).")
        .option(REASON)
        .option(CODE)
        .option(HOLD_FILE)
        .hidden();
  }

  @Override
  public int run(Invocation in) {
    String reason = in.get(REASON);
    HoldReason kind = in.get(CODE).orElseGet(() -> HoldReason.ofMessage(reason));
    SlotHold.record(
        in.context().home().profile(in.profile()),
        new Hold(kind, reason),
        in.get(HOLD_FILE).map(Path::of).orElse(null));
    return 0;
  }
}

package dev.hermes.cli;

import dev.hermes.core.audit.AuditEvent;
import java.util.List;

/**
 * {@code hermes [-p P] gateway history [-n N] [--json]}: the audit trail, oldest first so the
 * newest is last on the screen; every profile's unless {@code -p} names one.
 */
final class GatewayHistoryCommand implements CliCommand {
  static final Option<Integer> LAST =
      Option.value("-n,--last", "N", "Show the last N events.", ValueType.atLeast(1, "event"))
          .orElse(50);
  static final Option<Boolean> JSON =
      Option.flag("--json", "Print a JSON array of the events instead of a table.");

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("history")
        .describe(
            "Show the audit trail of lifecycle events, newest last: every profile's, or the"
                + " profile's given with -p.",
            "ACTION is one of: start, stop, restart, register, unregister, crash, hold, release,"
                + " reconcile. ACTOR is cli, dashboard (with the session's user), terminal-view,"
                + " boot or supervisor; USER is the OS user that wrote the line.")
        .option(LAST)
        .option(JSON)
        .globalHelp(
            ProfileOption.PROFILE, "Show this profile's events only (default: every profile's).");
  }

  @Override
  public int run(Invocation in) {
    CliContext context = in.context();
    List<AuditEvent> events;
    if (in.profileGiven()) {
      String profile = context.profile(in.profile()).name();
      events = context.audit().read(profile);
    } else {
      events = context.audit().read();
    }
    int last = in.get(LAST);
    List<AuditEvent> shown = events.subList(Math.max(0, events.size() - last), events.size());
    if (in.get(JSON)) {
      in.out().println(Json.write(shown.stream().map(AuditEvent::toMap).toList()));
      return 0;
    }
    if (shown.isEmpty()) {
      in.out().println("No lifecycle events recorded yet in " + context.audit().file());
      return 0;
    }
    HistoryTable.lines(shown).forEach(in.out()::println);
    return 0;
  }
}

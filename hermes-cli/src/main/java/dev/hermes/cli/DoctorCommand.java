package dev.hermes.cli;

import dev.hermes.cli.doctor.Doctor;
import dev.hermes.cli.doctor.DoctorReport;

/**
 * {@code hermes doctor [--json] [--fix] [--strict]}: checks the install, every profile and the
 * supervision, and exits 0 (healthy, warnings allowed), 1 (warnings with {@code --strict}) or 2 (a
 * check failed). Fit for a container HEALTHCHECK: no network, no child JVMs.
 */
public final class DoctorCommand implements CliCommand {
  static final Option<Boolean> JSON =
      Option.flag("--json", "Print one JSON object instead of the text report.");
  static final Option<Boolean> FIX =
      Option.flag("--fix", "Create missing .env files as 0600 and set open ones to 0600.");
  static final Option<Boolean> STRICT = Option.flag("--strict", "Exit 1 when any check warns.");
  static final Option<Boolean> HEALTH =
      Option.flag(
          "--health",
          "Container health only: print what makes it unhealthy (the gateway scanner down, a"
              + " gateway whose desired state is running down or held) and exit 0 or 1.");

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("doctor")
        .describe("Check HERMES_HOME, every profile and the supervision of their gateways.")
        .option(JSON)
        .option(FIX)
        .option(STRICT)
        .option(HEALTH)
        .footer(
            "Exit codes: 0 no check failed (warnings allowed), 1 warnings with --strict,"
                + " 2 a check failed. With --health: 0 healthy, 1 unhealthy.");
  }

  @Override
  public int run(Invocation in) {
    if (in.get(HEALTH)) {
      if (in.get(JSON) || in.get(FIX) || in.get(STRICT)) {
        throw in.usageError("--health cannot be combined with --json, --fix or --strict");
      }
      DoctorReport report = new Doctor(in.context(), false).run();
      report.printHealth(in.out());
      return report.healthExitCode();
    }
    boolean strict = in.get(STRICT);
    DoctorReport report = new Doctor(in.context(), in.get(FIX)).run();
    if (in.get(JSON)) {
      in.out().println(Json.write(report.toJson(strict)));
    } else {
      report.print(in.out());
    }
    return report.exitCode(strict);
  }
}

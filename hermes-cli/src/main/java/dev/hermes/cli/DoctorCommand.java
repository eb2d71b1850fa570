package dev.hermes.cli;

import dev.hermes.cli.doctor.Doctor;
import dev.hermes.cli.doctor.DoctorReport;

/**
 * {@code hermes doctor [--json] [--fix] [--strict]}: checks the install, every profile and the
 * supervision, and exits 0 (healthy, warnings allowed), 1 (warnings with {@code --strict}) or 2 (a
 * check failed). Fit for a container HEALTHCHECK: no network, no child JVMs.
 */
public final class DoctorCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("doctor")
        .describe("Check HERMES_HOME, every profile and the supervision of their gateways.")
        .flag("--json", "Print one JSON object instead of the text report.")
        .flag("--fix", "Create missing .env files as 0600 and set open ones to 0600.")
        .flag("--strict", "Exit 1 when any check warns.")
        .flag(
            "--health",
            "Container health only: print what makes it unhealthy (the gateway scanner down, a"
                + " gateway whose desired state is running down or held) and exit 0 or 1.")
        .footer(
            "Exit codes: 0 no check failed (warnings allowed), 1 warnings with --strict,"
                + " 2 a check failed. With --health: 0 healthy, 1 unhealthy.");
  }

  @Override
  public int run(Invocation in) {
    if (in.flag("--health")) {
      if (in.flag("--json") || in.flag("--fix") || in.flag("--strict")) {
        throw in.usageError("--health cannot be combined with --json, --fix or --strict");
      }
      DoctorReport report = new Doctor(in.context(), false).run();
      report.printHealth(in.out());
      return report.healthExitCode();
    }
    boolean strict = in.flag("--strict");
    DoctorReport report = new Doctor(in.context(), in.flag("--fix")).run();
    if (in.flag("--json")) {
      in.out().println(Json.write(report.toJson(strict)));
    } else {
      report.print(in.out());
    }
    return report.exitCode(strict);
  }
}

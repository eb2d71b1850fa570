package dev.hermes.cli;

import dev.hermes.cli.doctor.Doctor;
import dev.hermes.cli.doctor.DoctorReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hermes doctor [--json] [--fix] [--strict]}: checks the install, every profile and the
 * supervision, and exits 0 (healthy, warnings allowed), 1 (warnings with {@code --strict}) or 2 (a
 * check failed). Fit for a container HEALTHCHECK: no network, no child JVMs.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = "Check HERMES_HOME, every profile and the supervision of their gateways.",
    footer = {
      "",
      "Exit codes: 0 no check failed (warnings allowed), 1 warnings with --strict,"
          + " 2 a check failed."
    })
public final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of the text report.")
  boolean json;

  @Option(
      names = "--fix",
      description = "Create missing .env files as 0600 and set open ones to 0600.")
  boolean fix;

  @Option(names = "--strict", description = "Exit 1 when any check warns.")
  boolean strict;

  @Override
  public Integer call() {
    DoctorReport report = new Doctor(HermesCommand.root(spec).context(), fix).run();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(report.toJson(strict)));
    } else {
      report.print(out);
    }
    return report.exitCode(strict);
  }
}

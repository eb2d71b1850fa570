package dev.hermes.cli.doctor;

import dev.hermes.cli.CliContext;
import dev.hermes.core.Profile;
import java.util.List;

/**
 * Runs every check, in report order: HERMES_HOME and logs, then the profiles' files, then
 * supervision. It never throws: a group of checks that breaks unexpectedly becomes a line of its
 * own (a warning, or a failure for the install-wide groups), so the doctor always gets to its
 * verdict. Nothing here touches the network or starts a process other than what the service
 * manager's status needs.
 */
public final class Doctor {
  private final CliContext context;
  private final boolean fix;

  /**
   * @param fix create missing {@code .env} files and tighten open ones to 0600
   */
  public Doctor(CliContext context, boolean fix) {
    this.context = context;
    this.fix = fix;
  }

  public DoctorReport run() {
    DoctorReport report = new DoctorReport();
    boolean homeIsDirectory = HomeChecks.run(context.home(), report);
    List<Profile> profiles = homeIsDirectory ? profiles(report) : List.of();
    if (!profiles.isEmpty()) {
      guarded(
          report,
          Check.PROFILES,
          "config",
          false,
          () -> ConfigChecks.run(profiles, context.profiles().reserved(), report));
      guarded(report, Check.PROFILES, "model", false, () -> ModelChecks.run(profiles, report));
      guarded(report, Check.PROFILES, "env", false, () -> EnvFileChecks.run(profiles, fix, report));
    }
    // A supervision section that breaks leaves the health unknown: that counts against it.
    guarded(
        report,
        Check.SUPERVISION,
        "gateways",
        true,
        () ->
            SupervisionChecks.run(
                context::serviceManager,
                context.containerProbe().root(),
                context.env(),
                context.home().logsDir(),
                profiles,
                report));
    return report;
  }

  /** Every profile, or none (and a failure) when the profiles directory cannot be listed. */
  private List<Profile> profiles(DoctorReport report) {
    try {
      return context.profiles().list();
    } catch (RuntimeException e) {
      report.add(
          Check.fail(Check.PROFILES, "profiles", "Profiles: cannot be listed: " + describe(e)));
      return List.of();
    }
  }

  private static void guarded(
      DoctorReport report, String section, String name, boolean health, Runnable checks) {
    try {
      checks.run();
    } catch (RuntimeException e) {
      Check broken = Check.warn(section, name, name + ": could not be checked: " + describe(e));
      report.add(health ? broken.unhealthy() : broken);
    }
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}

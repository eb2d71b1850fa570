package dev.hermes.cli;

import dev.hermes.core.InstallMethod;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileSummary;
import dev.hermes.core.Version;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManager;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code hermes status}: version, install method, manager, HERMES_HOME, profiles, gateways up. */
public final class StatusCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("status")
        .describe(
            "Show version, install method, service manager, HERMES_HOME, profile count and how"
                + " many gateways are up.");
  }

  @Override
  public int run(Invocation invocation) {
    printSummary(invocation.context(), invocation.out());
    return 0;
  }

  /** {@code U/N}; when the supervisor cannot say, why. */
  static String gatewaysUp(ServiceManager manager, List<Profile> profiles) {
    long up;
    try {
      up =
          manager.statusAll(profiles.stream().map(Profile::name).toList()).stream()
              .filter(GatewayStatus::up)
              .count();
    } catch (RuntimeException e) {
      // Reported by 'hermes gateway status' and 'hermes doctor'; the summary stays short.
      return "unknown (" + e.getMessage() + ")";
    }
    return up + "/" + profiles.size();
  }

  /** {@code " (bad-config: a, b)"} naming the profiles whose files cannot be used; else empty. */
  static String badConfig(List<Profile> profiles) {
    List<String> bad =
        profiles.stream()
            .map(ProfileSummary::of)
            .filter(summary -> summary.configError() != null)
            .map(ProfileSummary::name)
            .toList();
    return bad.isEmpty() ? "" : " (bad-config: " + String.join(", ", bad) + ")";
  }

  static void printSummary(CliContext context, PrintWriter out) {
    // Everything is gathered before the first line is printed: a bad HERMES_SERVICE_MANAGER (or any
    // other failure) is then the only line, not the tail of a half-printed summary.
    ServiceManager manager = context.serviceManager();
    String managerName = manager.describe();
    String method =
        InstallMethod.detect(
            context.installDir(), context.home().root(), context.containerProbe().inContainer());
    List<Profile> profiles = context.profiles().list();
    String gatewaysUp = gatewaysUp(manager, profiles);
    Optional<String> dashboardHeld = manager.dashboardHoldReason();
    out.println("hermes " + Version.get());
    out.println("Install method: " + method);
    out.println("Manager:        " + managerName);
    out.println("HERMES_HOME:    " + context.home());
    out.println("Profiles:       " + profiles.size() + badConfig(profiles));
    out.println("Gateways up:    " + gatewaysUp);
    dashboardHeld.ifPresent(
        reason -> out.println("Dashboard:      " + DashboardStartCommand.holdNotice(reason)));
  }
}

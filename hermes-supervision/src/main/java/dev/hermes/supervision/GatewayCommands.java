package dev.hermes.supervision;

import dev.hermes.core.ProfileNames;
import java.util.ArrayList;
import java.util.List;

/**
 * What every backend says the same way: how a supervisor starts a profile's gateway, and the
 * wording of the errors an operator sees.
 */
public final class GatewayCommands {
  private GatewayCommands() {}

  /** {@code hermes [-p P] ARGS...}; the default profile needs no {@code -p}. */
  public static List<String> hermes(List<String> launcher, String profile, String... args) {
    List<String> argv = new ArrayList<>(launcher);
    if (!ProfileNames.DEFAULT.equals(profile)) {
      argv.add("-p");
      argv.add(profile);
    }
    argv.addAll(List.of(args));
    return argv;
  }

  /** The command a supervisor runs for the profile's gateway. */
  public static List<String> gatewayRun(List<String> launcher, String profile) {
    return hermes(launcher, profile, "gateway", "run", "--replace");
  }

  /** {@code <tool> <action> on '<unit>' failed (rc=N): <first error line>}. */
  public static SupervisionException failed(
      String tool, String action, String unit, CommandResult result) {
    return new SupervisionException(
        tool
            + " "
            + action
            + " on '"
            + unit
            + "' failed (rc="
            + result.exitCode()
            + "): "
            + result.firstErrorLine());
  }

  /** For host backends, whose gateways exist once installed. */
  public static SupervisionException notInstalled(String profile) {
    return new SupervisionException(
        "no such gateway '"
            + profile
            + "': install it with 'hermes "
            + (ProfileNames.DEFAULT.equals(profile) ? "" : "-p " + profile + " ")
            + "gateway install' first");
  }
}

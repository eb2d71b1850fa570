package dev.hermes.cli;

import dev.hermes.core.Profile;
import dev.hermes.core.ProfileNames;
import dev.hermes.gateway.GatewayOptions;
import dev.hermes.gateway.GatewayRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hermes [-p P] gateway run [--replace]}: runs the profile's gateway in the foreground until
 * SIGTERM or SIGINT; the exit code is the gateway's (0 clean stop, 1 failure or refused start, 75
 * restart requested, 78 fatal configuration). Supervisors exec this through the launcher, which
 * gives the JVM the gateway's memory-lean flags.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the profile's gateway in the foreground (what supervisors start).")
public final class GatewayRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--replace",
      description = "Stop a gateway already running for the profile and take over.")
  boolean replace;

  @Override
  public Integer call() {
    HermesCommand root = HermesCommand.root(spec);
    return runGateway(root.context(), root.profile(), replace);
  }

  /**
   * Runs the gateway of the named profile, which must exist, until it stops; its exit code. Also
   * reached without picocli, through {@link GatewayRunShortcut}.
   */
  static int runGateway(CliContext context, String profileName, boolean replace) {
    Profile profile = context.profiles().require(ProfileNames.validate(profileName));
    GatewayOptions options =
        GatewayOptions.defaults().withEnvironment(context.env()).withReplace(replace);
    return new GatewayRunner().run(profile, options);
  }
}

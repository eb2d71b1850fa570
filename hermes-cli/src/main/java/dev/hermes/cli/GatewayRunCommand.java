package dev.hermes.cli;

import dev.hermes.core.EnvFlags;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileNames;
import dev.hermes.core.SignalTrap;
import dev.hermes.core.audit.Actor;
import dev.hermes.gateway.GatewayOptions;
import dev.hermes.gateway.GatewayRunner;
import dev.hermes.supervision.GatewayAction;
import dev.hermes.supervision.ServiceManagerKind;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hermes [-p P] gateway run [--replace] [--no-supervise]}: the gateway in the foreground,
 * or, when s6 supervises this place and this process is not itself the supervised child, a
 * hand-over to the profile's s6 slot (so a container whose main command is {@code gateway run}
 * still gets restarts, crash-loop protection and logs).
 */
public final class GatewayRunCommand implements CliCommand {
  static final String SUPERVISED_CHILD = "HERMES_SUPERVISED_CHILD";
  static final String NO_SUPERVISE = "HERMES_GATEWAY_NO_SUPERVISE";

  static final Option<Boolean> REPLACE =
      Option.flag("--replace", "Stop a gateway already running for the profile and take over.");
  static final Option<Boolean> NO_SUPERVISE_FLAG =
      Option.flag(
          "--no-supervise",
          "Always run in the foreground, even under s6 (also: " + NO_SUPERVISE + "=1).");

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("run")
        .server(JvmProfile.GATEWAY)
        .describe(
            "Run the profile's gateway in the foreground until SIGTERM or SIGINT.",
            "Under s6 (container or 'hermes up'), unless started by s6 itself, it starts the"
                + " supervised gateway-PROFILE slot instead, prints '→ gateway is now running"
                + " under s6 supervision' on stderr and waits until terminated.")
        .option(REPLACE)
        .option(NO_SUPERVISE_FLAG)
        .footer(
            "Exit codes: 0 stopped cleanly, 1 failed or refused (already running), 78 fatal"
                + " configuration.");
  }

  @Override
  public int run(Invocation in) throws InterruptedException {
    CliContext context = in.context();
    String name = in.profile();
    Profile profile =
        ProfileNames.DEFAULT.equals(name)
            ? context.profiles().ensureDefault()
            : context.profiles().require(name);
    if (handsOverToS6(context, in.get(NO_SUPERVISE_FLAG))) {
      return runUnderS6(context, name, in.err());
    }
    GatewayOptions options =
        GatewayOptions.defaults().withReplace(in.get(REPLACE)).withEnvironment(context.env());
    return new GatewayRunner().run(profile, options);
  }

  private static boolean handsOverToS6(CliContext context, boolean noSupervise) {
    return !noSupervise
        && !EnvFlags.truthy(context.env().get(NO_SUPERVISE))
        && context.env().get(SUPERVISED_CHILD) == null
        && context.serviceManager().kind() == ServiceManagerKind.S6;
  }

  private static int runUnderS6(CliContext context, String profile, PrintWriter err)
      throws InterruptedException {
    CountDownLatch terminated = new CountDownLatch(1);
    try (SignalTrap trap =
        SignalTrap.installStopping(
            SignalTrap.TERMINAL_SESSION,
            signal -> terminated.countDown(),
            warning -> err.println("hermes: warning: " + warning),
            notice -> err.println("hermes: " + notice))) {
      context.gateways().as(Actor.CLI, "hermes gateway run").act(GatewayAction.START, profile);
      err.println("→ gateway is now running under s6 supervision");
      err.flush();
      terminated.await();
    }
    return 0;
  }
}

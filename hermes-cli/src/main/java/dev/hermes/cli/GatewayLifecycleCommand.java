package dev.hermes.cli;

import dev.hermes.core.HermesException;
import dev.hermes.core.audit.Actor;
import dev.hermes.supervision.GatewayAction;
import dev.hermes.supervision.GatewayControl;
import dev.hermes.supervision.GatewayOutcome;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.GatewayWait;
import dev.hermes.supervision.GatewayWait.Goal;
import dev.hermes.supervision.ServiceManagerKind;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hermes [-p P] gateway start|stop|restart [--all] [--wait [--timeout S]]}: the action
 * through the service manager (which records {@code desired_state}), then what the supervisor made
 * of it: without {@code --wait} the gateway is watched for a few seconds (ready, held down again,
 * ended again), with it until ready or down.
 */
final class GatewayLifecycleCommand implements CliCommand {
  static final Option<Boolean> WAIT =
      Option.flag("--wait", "Return once the gateway is ready (start, restart) or down (stop).");
  static final Option<Integer> TIMEOUT =
      Option.value("--timeout", "SECONDS", "How long --wait waits.", ValueType.atLeast(1, "second"))
          .orElse(60);

  private final GatewayAction action;

  /** Its help says what "every" means for this action. */
  private final Option<Boolean> all;

  GatewayLifecycleCommand(GatewayAction action) {
    this.action = action;
    this.all = Option.flag("--all", allHelp());
  }

  @Override
  public CommandSpec spec() {
    return CommandSpec.named(action.verb())
        .describe(description())
        .option(all)
        .option(WAIT)
        .option(TIMEOUT);
  }

  private String description() {
    return switch (action) {
      case START -> "Start the profile's gateway and record desired_state=running.";
      case STOP -> "Stop the profile's gateway and record desired_state=stopped.";
      case RESTART ->
          "Restart the profile's gateway (start it when down) and record desired_state=running.";
    };
  }

  /** The peers' semantics: restart --all is systemctl's try-restart over the running fleet. */
  private String allHelp() {
    return switch (action) {
      case START -> "Start every registered profile gateway.";
      case STOP -> "Stop every registered profile gateway.";
      case RESTART ->
          "Restart every registered gateway whose desired state is running; stopped ones stay"
              + " stopped.";
    };
  }

  private Goal goal() {
    return action.bringsUp() ? Goal.READY : Goal.DOWN;
  }

  @Override
  public int run(Invocation in) {
    boolean everyGateway = in.get(all);
    GatewayControl control =
        in.context()
            .gateways()
            .as(Actor.CLI, "hermes gateway " + action.verb() + (everyGateway ? " --all" : ""));
    PrintWriter out = in.out();
    boolean await = in.get(WAIT);
    Duration timeout = Duration.ofSeconds(in.get(TIMEOUT));
    if (everyGateway) {
      return applyToAll(control, out, await, timeout);
    }
    String profile = in.profile();
    GatewayStatus before = control.act(action, profile);
    if (!await) {
      GatewayOutcome outcome =
          new GatewayWait(control.manager()).settle(profile, action, before, GatewayControl.SETTLE);
      if (!outcome.ok()) {
        throw new HermesException(outcome.line().substring(2));
      }
      out.println(outcome.line());
      return 0;
    }
    GatewayStatus status = waitFor(control, profile, before, timeout);
    out.println("✓ " + action.pastTense() + " gateway-" + profile + ": " + describe(status));
    return 0;
  }

  private int applyToAll(GatewayControl control, PrintWriter out, boolean await, Duration timeout) {
    List<String> profiles = targets(control);
    if (profiles == null) {
      out.println("✗ No profile gateways registered");
      return 1;
    }
    // One status call for all: the state before each action, to settle on afterwards.
    List<GatewayStatus> statuses = control.manager().statusAll(profiles);
    List<String> done = new ArrayList<>();
    List<GatewayStatus> before = new ArrayList<>();
    int failures = 0;
    for (int i = 0; i < profiles.size(); i++) {
      String profile = profiles.get(i);
      try {
        control.apply(action, profile, statuses.get(i));
        done.add(profile);
        before.add(statuses.get(i));
      } catch (HermesException e) {
        out.println("✗ Could not " + action.verb() + " gateway-" + profile + ": " + e.getMessage());
        failures++;
      }
    }
    int succeeded = done.size();
    GatewayWait wait = new GatewayWait(control.manager());
    // The gateways settle side by side, so one bound serves them all: once it has passed, each
    // of the rest is looked at once.
    long deadline = System.nanoTime() + GatewayControl.SETTLE.toNanos();
    for (int i = 0; i < done.size(); i++) {
      try {
        if (await) {
          waitFor(control, done.get(i), before.get(i), timeout);
        } else {
          Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
          GatewayOutcome outcome = wait.settle(done.get(i), action, before.get(i), left);
          if (!outcome.ok()) {
            out.println(outcome.line());
            succeeded--;
            failures++;
          }
        }
      } catch (HermesException e) {
        out.println("✗ " + e.getMessage());
        succeeded--;
        failures++;
      }
    }
    if (succeeded > 0) {
      out.println("✓ " + action.pastTense() + " " + succeeded + " profile gateway(s)");
    } else if (done.isEmpty() && failures == 0) {
      out.println("✓ No gateway is meant to be running: nothing to " + action.verb());
    }
    return failures == 0 ? 0 : 1;
  }

  /**
   * The registered gateways this action applies to, or null when none is registered: restart leaves
   * those whose desired state is stopped alone.
   */
  private List<String> targets(GatewayControl control) {
    if (control.manager().kind() == ServiceManagerKind.NONE) {
      // Nothing is registered because nothing supervises: say what to do, as for one gateway.
      throw new HermesException(control.manager().unsupervisedReason("default"));
    }
    List<String> registered = control.manager().list();
    if (registered.isEmpty()) {
      return null;
    }
    if (action != GatewayAction.RESTART) {
      return registered;
    }
    return registered.stream().filter(control::meantToRun).toList();
  }

  private GatewayStatus waitFor(
      GatewayControl control, String profile, GatewayStatus before, Duration timeout) {
    int oldPid = action == GatewayAction.RESTART && before.up() ? before.pid() : -1;
    return new GatewayWait(control.manager()).until(profile, goal(), oldPid, timeout);
  }

  private static String describe(GatewayStatus status) {
    return status.up() ? "ready, PID " + status.pid() : "down";
  }
}

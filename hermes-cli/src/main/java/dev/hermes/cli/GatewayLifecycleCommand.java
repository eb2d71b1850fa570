package dev.hermes.cli;

import dev.hermes.core.HermesException;
import dev.hermes.supervision.GatewayControl;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.GatewayWait;
import dev.hermes.supervision.GatewayWait.Goal;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code gateway start}, {@code stop} and {@code restart} share: one profile or {@code --all},
 * the action through the service manager (which records {@code desired_state}), and {@code --wait}
 * for ready or down.
 */
abstract class GatewayLifecycleCommand implements CliCommand {
  /** "start", for error lines. */
  abstract String verb();

  /** "Started", for success lines. */
  abstract String pastTense();

  /** The help's description. */
  abstract String description();

  abstract Goal goal();

  abstract void apply(GatewayControl control, String profile);

  @Override
  public CommandSpec spec() {
    return CommandSpec.named(verb())
        .describe(description())
        .flag("--all", "Act on every registered profile gateway.")
        .flag("--wait", "Return once the gateway is ready (start, restart) or down (stop).")
        .option("--timeout", "SECONDS", "How long --wait waits.", "60");
  }

  @Override
  public int run(Invocation in) {
    int timeoutSeconds = in.intOption("--timeout");
    if (timeoutSeconds < 1) {
      throw in.usageError("--timeout must be at least 1 second, got " + timeoutSeconds);
    }
    GatewayControl control = in.context().gateways();
    PrintWriter out = in.out();
    boolean await = in.flag("--wait");
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    if (!in.flag("--all")) {
      String profile = in.profile();
      int oldPid = pidBefore(control, profile, await);
      apply(control, profile);
      if (!await) {
        out.println("✓ " + pastTense() + " gateway-" + profile);
        return 0;
      }
      GatewayStatus status = waitFor(control, profile, oldPid, timeout);
      out.println("✓ " + pastTense() + " gateway-" + profile + ": " + describe(status));
      return 0;
    }
    return applyToAll(control, out, await, timeout);
  }

  private int applyToAll(GatewayControl control, PrintWriter out, boolean await, Duration timeout) {
    List<String> profiles = control.manager().list();
    if (profiles.isEmpty()) {
      out.println("✗ No profile gateways registered");
      return 1;
    }
    List<String> done = new ArrayList<>();
    List<Integer> oldPids = new ArrayList<>();
    int failures = 0;
    for (String profile : profiles) {
      try {
        int oldPid = pidBefore(control, profile, await);
        apply(control, profile);
        done.add(profile);
        oldPids.add(oldPid);
      } catch (HermesException e) {
        out.println("✗ Could not " + verb() + " gateway-" + profile + ": " + e.getMessage());
        failures++;
      }
    }
    int succeeded = done.size();
    if (await) {
      for (int i = 0; i < done.size(); i++) {
        try {
          waitFor(control, done.get(i), oldPids.get(i), timeout);
        } catch (HermesException e) {
          out.println("✗ " + e.getMessage());
          succeeded--;
          failures++;
        }
      }
    }
    if (succeeded > 0) {
      out.println("✓ " + pastTense() + " " + succeeded + " profile gateway(s)");
    }
    return failures == 0 ? 0 : 1;
  }

  /** For a restart with --wait: the pid being replaced, so the old run does not count as ready. */
  private int pidBefore(GatewayControl control, String profile, boolean await) {
    if (!await || goal() != Goal.READY) {
      return -1;
    }
    GatewayStatus before = control.manager().status(profile);
    return before.up() ? before.pid() : -1;
  }

  private GatewayStatus waitFor(
      GatewayControl control, String profile, int oldPid, Duration timeout) {
    return new GatewayWait(control.manager()).until(profile, goal(), oldPid, timeout);
  }

  private static String describe(GatewayStatus status) {
    return status.up() ? "ready, PID " + status.pid() : "down";
  }
}

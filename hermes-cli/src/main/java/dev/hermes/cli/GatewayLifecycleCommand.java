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
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code gateway start}, {@code stop} and {@code restart} share: one profile or {@code --all},
 * the action through the service manager (which records {@code desired_state}), and {@code --wait}
 * for ready or down.
 */
abstract class GatewayLifecycleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--all", description = "Act on every registered profile gateway.")
  boolean all;

  @Option(
      names = "--wait",
      description = "Return once the gateway is ready (start, restart) or down (stop).")
  boolean await;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  /** "start", for error lines. */
  abstract String verb();

  /** "Started", for success lines. */
  abstract String pastTense();

  abstract Goal goal();

  abstract void apply(GatewayControl control, String profile);

  @Override
  public Integer call() {
    if (timeoutSeconds < 1) {
      throw new ParameterException(
          spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds);
    }
    HermesCommand root = HermesCommand.root(spec);
    GatewayControl control = root.context().gateways();
    PrintWriter out = spec.commandLine().getOut();
    if (!all) {
      String profile = root.profile();
      int oldPid = pidBefore(control, profile);
      apply(control, profile);
      if (!await) {
        out.println("✓ " + pastTense() + " gateway-" + profile);
        return 0;
      }
      GatewayStatus status = waitFor(control, profile, oldPid);
      out.println("✓ " + pastTense() + " gateway-" + profile + ": " + describe(status));
      return 0;
    }
    return applyToAll(control, out);
  }

  private int applyToAll(GatewayControl control, PrintWriter out) {
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
        int oldPid = pidBefore(control, profile);
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
          waitFor(control, done.get(i), oldPids.get(i));
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
  private int pidBefore(GatewayControl control, String profile) {
    if (!await || goal() != Goal.READY) {
      return -1;
    }
    GatewayStatus before = control.manager().status(profile);
    return before.up() ? before.pid() : -1;
  }

  private GatewayStatus waitFor(GatewayControl control, String profile, int oldPid) {
    return new GatewayWait(control.manager())
        .until(profile, goal(), oldPid, Duration.ofSeconds(timeoutSeconds));
  }

  private static String describe(GatewayStatus status) {
    return status.up() ? "ready, PID " + status.pid() : "down";
  }
}

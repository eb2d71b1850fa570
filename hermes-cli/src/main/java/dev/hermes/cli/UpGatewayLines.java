package dev.hermes.cli;

import dev.hermes.core.HermesException;
import dev.hermes.core.HermesHome;
import dev.hermes.core.ProfileConfig;
import dev.hermes.core.state.ActualState;
import dev.hermes.supervision.reconcile.ReconcileAction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The gateways in {@code hermes up}'s welcome block, and the {@code reconcile:} lines before it:
 * one line per profile up to {@link #MAX_LISTED} profiles; above that one summary line, because 200
 * profiles would push the dashboard URL and the control hints out of the terminal. {@code hermes
 * gateway status --all} (named in the summary) and {@code logs/container-boot.log} still have every
 * profile.
 */
final class UpGatewayLines {
  static final int MAX_LISTED = 20;

  private static final String RECONCILED_PROFILE = "reconcile: profile=";

  private UpGatewayLines() {}

  static boolean summarised(List<ReconcileAction> actions) {
    return actions.size() > MAX_LISTED;
  }

  /** The {@code gateway} rows, or the one {@code gateways} summary above {@link #MAX_LISTED}. */
  static void print(HermesHome home, List<ReconcileAction> actions, PrintWriter out) {
    if (summarised(actions)) {
      out.println("  gateways     " + summary(actions));
      return;
    }
    for (ReconcileAction action : actions) {
      out.println(
          "  gateway      "
              + action.profile()
              + "  "
              + url(home, action.profile())
              + "  "
              + (started(action) ? ActualState.STARTING : ActualState.DOWN).word());
    }
  }

  /** {@code started 180 gateways, 20 stopped (hermes gateway status --all)}. */
  static String summary(List<ReconcileAction> actions) {
    long started = actions.stream().filter(UpGatewayLines::started).count();
    long stopped = actions.size() - started;
    return "started "
        + started
        + (started == 1 ? " gateway, " : " gateways, ")
        + stopped
        + " stopped (hermes gateway status --all)";
  }

  /**
   * Copies what the reconciler printed to {@code out}; above {@link #MAX_LISTED} profiles without
   * its one line per profile (warnings and the first-boot seed are kept). {@code actions} is null
   * when the reconciliation failed: then every line is copied, as it may say why.
   */
  static void copyReconcileLines(
      StringWriter reconciled, List<ReconcileAction> actions, PrintWriter out) {
    boolean summarise = actions != null && summarised(actions);
    reconciled
        .toString()
        .lines()
        .filter(line -> !(summarise && line.startsWith(RECONCILED_PROFILE)))
        .forEach(out::println);
    out.flush();
  }

  private static boolean started(ReconcileAction action) {
    return "started".equals(action.action());
  }

  private static String url(HermesHome home, String profile) {
    try {
      ProfileConfig config = home.profile(profile).config();
      String host = config.gatewayHost();
      if (host.equals("0.0.0.0")) {
        host = "127.0.0.1";
      }
      return config.gatewayPort().isPresent()
          ? "http://" + host + ":" + config.gatewayPort().getAsInt()
          : "(no gateway.port)";
    } catch (HermesException e) {
      return "(config.yaml unreadable)";
    }
  }
}

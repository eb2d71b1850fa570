package dev.hermes.cli;

import dev.hermes.core.HermesHome;
import dev.hermes.dashboard.DashboardSettings;
import dev.hermes.supervision.local.HermesUpTree;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * {@code hermes up}'s dashboard: on unless {@code HERMES_DASHBOARD} says otherwise, run by s6 as
 * the {@code dashboard} slot beside the gateways, its address fixed in the slot so the URL printed
 * here is the one it serves.
 */
record UpDashboard(boolean enabled, String host, int port) {
  static UpDashboard plan(Map<String, String> env) {
    boolean enabled = DashboardSettings.enabledUnderHermesUp(env);
    String host = DashboardSettings.hostFrom(env);
    // A bad port matters only when the dashboard runs; then it is an error before anything starts.
    int port = enabled ? DashboardSettings.portFrom(env) : safePort(env);
    return new UpDashboard(enabled, host, port);
  }

  /** Writes the slot (with a {@code down} file when disabled); before the scanner starts. */
  void writeSlot(HermesUpTree tree) {
    tree.writeDashboardSlot(host, port, enabled);
  }

  /** What the welcome block says after {@code dashboard}. */
  String describe(Map<String, String> env, HermesHome home) {
    if (!enabled) {
      return "off (" + DashboardSettings.ENABLED_VARIABLE + "=" + env.get("HERMES_DASHBOARD") + ")";
    }
    String url = DashboardSettings.url(host, port);
    if (env.get(DashboardSettings.USERNAME_VARIABLE) != null
        && env.get(DashboardSettings.PASSWORD_VARIABLE) != null) {
      return url + "  (login: " + DashboardSettings.USERNAME_VARIABLE + "/PASSWORD)";
    }
    if (!loopback(host)) {
      return url
          + "  (listening on "
          + host
          + "; login: the token in "
          + home.root().resolve(DashboardSettings.TOKEN_FILE)
          + ")";
    }
    return url;
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static int safePort(Map<String, String> env) {
    try {
      return DashboardSettings.portFrom(env);
    } catch (RuntimeException e) {
      return DashboardSettings.DEFAULT_PORT;
    }
  }
}

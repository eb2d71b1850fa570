package dev.hermes.dashboard;

import java.net.InetAddress;

/**
 * Who may use the dashboard, decided once before it listens:
 *
 * <ul>
 *   <li>{@code HERMES_DASHBOARD_USERNAME} and {@code HERMES_DASHBOARD_PASSWORD} both set: a login
 *       with them, on any address (loopback included: an operator who set a password expects to be
 *       asked for it). Only one of the two set is a refusal.
 *   <li>Neither set, loopback address: open (only this machine can connect).
 *   <li>Neither set, any other address: a login with the token of {@code dashboard.token}, which is
 *       created when absent. A token file that cannot be created or is not a secret any more is a
 *       refusal: a dashboard reachable from the network always has a credential, or does not start.
 * </ul>
 *
 * @param login how logins are checked, or null when the dashboard is open
 */
record AccessPolicy(LoginCheck login, String description) {
  static AccessPolicy open() {
    return new AccessPolicy(null, "open: loopback address and no username/password set");
  }

  boolean isOpen() {
    return login == null;
  }

  /** What the login form asks for: {@code none}, {@code password} or {@code token}. */
  String loginKind() {
    return login == null ? "none" : login.kind();
  }

  static AccessPolicy decide(DashboardSettings settings, InetAddress address, DashboardLog log) {
    boolean hasUser = settings.username() != null;
    boolean hasPassword = settings.password() != null;
    if (hasUser != hasPassword) {
      throw new DashboardRefusedException(
          DashboardSettings.USERNAME_VARIABLE
              + " and "
              + DashboardSettings.PASSWORD_VARIABLE
              + " must be set together (only "
              + (hasUser
                  ? DashboardSettings.USERNAME_VARIABLE
                  : DashboardSettings.PASSWORD_VARIABLE)
              + " is set)");
    }
    if (hasUser) {
      return new AccessPolicy(
          LoginCheck.password(settings.username(), settings.password()),
          "login with "
              + DashboardSettings.USERNAME_VARIABLE
              + " and "
              + DashboardSettings.PASSWORD_VARIABLE);
    }
    if (address.isLoopbackAddress()) {
      return open();
    }
    DashboardToken.Loaded token;
    try {
      token = DashboardToken.loadOrCreate(settings.tokenFile());
    } catch (DashboardRefusedException e) {
      throw new DashboardRefusedException(
          "refusing to listen on "
              + settings.host()
              + " (not a loopback address) without a login: "
              + e.getMessage()
              + "; or set "
              + DashboardSettings.USERNAME_VARIABLE
              + " and "
              + DashboardSettings.PASSWORD_VARIABLE);
    }
    if (token.created()) {
      // Printed this once, so the operator can log in; later starts only name the file.
      log.info(
          "created "
              + settings.tokenFile()
              + " (mode 0600); log in with this token: "
              + token.token());
    }
    return new AccessPolicy(
        LoginCheck.token(token.token()), "login with the token in " + settings.tokenFile());
  }
}

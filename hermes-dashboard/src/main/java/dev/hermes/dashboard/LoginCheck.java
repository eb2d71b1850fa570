package dev.hermes.dashboard;

/** How a login form's fields are checked. Implementations compare in constant time. */
interface LoginCheck {
  /** {@code password} or {@code token}: what the login form asks for. */
  String kind();

  boolean accepts(String username, String password);

  /** {@code HERMES_DASHBOARD_USERNAME} and {@code HERMES_DASHBOARD_PASSWORD}. */
  static LoginCheck password(String username, String password) {
    return new LoginCheck() {
      @Override
      public String kind() {
        return "password";
      }

      @Override
      public boolean accepts(String user, String pass) {
        // Both comparisons always run, so timing does not tell which field was wrong.
        boolean userOk = Secrets.equal(username, user);
        boolean passOk = Secrets.equal(password, pass);
        return userOk & passOk;
      }
    };
  }

  /** The token of {@code dashboard.token}, typed into the password field; no username. */
  static LoginCheck token(String token) {
    return new LoginCheck() {
      @Override
      public String kind() {
        return "token";
      }

      @Override
      public boolean accepts(String user, String pass) {
        return Secrets.equal(token, pass);
      }
    };
  }
}

package dev.hermes.dashboard;

/**
 * One browser's session: its id (the cookie's value), the CSRF token the page must send back on
 * every state-changing request, whether it has logged in, and as whom (the audit trail's {@code
 * session_user}).
 */
final class Session {
  /** Who acts through a token login: the token names no one. */
  static final String TOKEN_USER = "(token)";

  /** Who acts through an open dashboard: no one logged in. */
  static final String OPEN_USER = "(open)";

  private final String id;
  private final String csrfToken;
  private final boolean authenticated;
  private final String user;
  private volatile long lastSeenNanos;

  Session(String id, String csrfToken, boolean authenticated, String user, long nowNanos) {
    this.id = id;
    this.csrfToken = csrfToken;
    this.authenticated = authenticated;
    this.user = user;
    this.lastSeenNanos = nowNanos;
  }

  /**
   * The username of a password login, {@link #TOKEN_USER} or {@link #OPEN_USER}; null before a
   * login.
   */
  String user() {
    return user;
  }

  String id() {
    return id;
  }

  String csrfToken() {
    return csrfToken;
  }

  boolean authenticated() {
    return authenticated;
  }

  long lastSeenNanos() {
    return lastSeenNanos;
  }

  void touch(long nowNanos) {
    lastSeenNanos = nowNanos;
  }
}

package dev.hermes.dashboard;

/**
 * One browser's session: its id (the cookie's value), the CSRF token the page must send back on
 * every state-changing request, and whether it has logged in.
 */
final class Session {
  private final String id;
  private final String csrfToken;
  private final boolean authenticated;
  private volatile long lastSeenNanos;

  Session(String id, String csrfToken, boolean authenticated, long nowNanos) {
    this.id = id;
    this.csrfToken = csrfToken;
    this.authenticated = authenticated;
    this.lastSeenNanos = nowNanos;
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

package dev.hermes.dashboard;

import dev.hermes.core.JsonValues;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code /api/session}, {@code /api/login}, {@code /api/logout}. */
final class SessionEndpoints {
  static final int MAX_LOGIN_BODY = 4096;

  private final AccessPolicy policy;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final String cookieName;
  private final DashboardLog log;

  SessionEndpoints(
      AccessPolicy policy,
      Sessions sessions,
      LoginThrottle throttle,
      String cookieName,
      DashboardLog log) {
    this.policy = policy;
    this.sessions = sessions;
    this.throttle = throttle;
    this.cookieName = cookieName;
    this.log = log;
  }

  /**
   * The page's first call: whether it is logged in, what the login form asks for, and the CSRF
   * token to send with every change. Starts a session when the browser has none.
   */
  Reply describe(Request request) {
    Session session = request.session().orElse(null);
    boolean created = session == null;
    if (created) {
      session = sessions.create(policy.isOpen(), policy.isOpen() ? Session.OPEN_USER : null);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("authenticated", session.authenticated());
    body.put("login", policy.loginKind());
    body.put("csrf", session.csrfToken());
    Reply reply = Reply.ok(body);
    return created ? reply.with("Set-Cookie", cookie(session)) : reply;
  }

  Reply login(Request request) {
    if (policy.isOpen()) {
      throw new HttpFailure(400, "this dashboard is open: there is nothing to log in to");
    }
    String type = request.header("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new HttpFailure(415, "send the login as application/json");
    }
    Object form;
    try {
      form = JsonValues.parse(request.body(MAX_LOGIN_BODY));
    } catch (IOException e) {
      throw new HttpFailure(400, "the login is not valid JSON");
    }
    if (!(form instanceof Map<?, ?> fields)
        || !(fields.get("password") instanceof String password)) {
      throw new HttpFailure(400, "the login needs a password (and a username)");
    }
    if (!throttle.allowed()) {
      log.warning("login refused from " + request.client() + ": too many failed logins");
      throw new HttpFailure(429, "too many failed logins: wait a minute");
    }
    String username = fields.get("username") instanceof String name ? name : "";
    if (!policy.login().accepts(username, password)) {
      throttle.failed();
      log.warning("failed login from " + request.client());
      throw new HttpFailure(
          401, policy.loginKind().equals("token") ? "wrong token" : "wrong username or password");
    }
    // A new id after login, so an id planted before it (session fixation) is worth nothing.
    request.session().ifPresent(sessions::remove);
    Session session =
        sessions.create(true, policy.loginKind().equals("token") ? Session.TOKEN_USER : username);
    log.info("login from " + request.client());
    return Reply.ok(Map.of("ok", true, "csrf", session.csrfToken()))
        .with("Set-Cookie", cookie(session));
  }

  Reply logout(Request request) {
    request.session().ifPresent(sessions::remove);
    return Reply.ok(Map.of("ok", true))
        .with("Set-Cookie", cookieName + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
  }

  /**
   * HttpOnly (scripts never see it) and SameSite=Strict (no other site's page makes the browser
   * send it). Not Secure: the dashboard speaks plain HTTP; put it behind a TLS proxy for that.
   */
  private String cookie(Session session) {
    return cookieName + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict";
  }
}

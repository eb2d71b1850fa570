package dev.hermes.dashboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's only handler: the Host check, authentication, the same-origin and CSRF checks on
 * every state-changing request, routing, and the security headers on every response, in one place.
 * Every failure becomes a 4xx (or a bare 500) with a one-line JSON reason, never a stack trace.
 */
final class DashboardHandler implements HttpHandler {
  /**
   * Scripts and styles only from the dashboard's own files (no inline code, no eval), data only
   * from its own API, no framing, no plugins, forms post only to itself.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src"
          + " 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private static final Pattern GATEWAY_PATH =
      Pattern.compile(
          "/api/gateways/([^/]{1,300})/(start|stop|restart|log|log/download|detail|history)");
  private static final Pattern AFTER = Pattern.compile("(?:^|&)after=([^&]*)");

  /** What {@link #route} returns when the event stream took the exchange over. */
  private static final Reply STREAMING = Reply.bytes(EventStream.CONTENT_TYPE, new byte[0]);

  private final AccessPolicy policy;
  private final Sessions sessions;
  private final RequestGuard guard;
  private final StaticFiles files;
  private final SessionEndpoints sessionApi;
  private final GatewayEndpoints gatewayApi;
  private final MetricsEndpoint metrics;
  private final GatewayDetails details;
  private final EventStream events;
  private final String cookieName;
  private final DashboardLog log;

  DashboardHandler(
      AccessPolicy policy,
      Sessions sessions,
      RequestGuard guard,
      StaticFiles files,
      SessionEndpoints sessionApi,
      GatewayEndpoints gatewayApi,
      MetricsEndpoint metrics,
      GatewayDetails details,
      EventStream events,
      String cookieName,
      DashboardLog log) {
    this.policy = policy;
    this.sessions = sessions;
    this.guard = guard;
    this.files = files;
    this.sessionApi = sessionApi;
    this.gatewayApi = gatewayApi;
    this.metrics = metrics;
    this.details = details;
    this.events = events;
    this.cookieName = cookieName;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) {
    boolean streaming = false;
    try {
      Reply reply;
      try {
        reply = route(exchange);
      } catch (HttpFailure e) {
        reply = Reply.error(e.status(), e.getMessage());
        if (e.allow() != null) {
          reply.with("Allow", e.allow());
        }
      } catch (RuntimeException e) {
        log.error(
            "internal error on "
                + exchange.getRequestMethod()
                + " "
                + exchange.getRequestURI().getRawPath()
                + ": "
                + e);
        reply = Reply.error(500, "internal error");
      }
      streaming = reply == STREAMING;
      if (!streaming) {
        send(exchange, reply);
      }
    } finally {
      if (!streaming) {
        exchange.close();
      }
    }
  }

  private Reply route(HttpExchange exchange) {
    String badHost = guard.checkHost(exchange);
    if (badHost != null) {
      return Reply.error(403, badHost);
    }
    Optional<Session> session = sessions.find(Request.cookie(exchange, cookieName));
    Request request = new Request(exchange, session);
    String path = request.path();

    Optional<StaticFiles.File> file = files.get(path);
    if (file.isPresent()) {
      requireRead(request);
      if (path.equals("/") && !authenticated(request)) {
        return Reply.redirect("/login");
      }
      if (path.equals("/login") && !policy.isOpen() && authenticated(request)) {
        return Reply.redirect("/");
      }
      return Reply.bytes(file.get().contentType(), file.get().body());
    }
    switch (path) {
      case "/api/session" -> {
        requireRead(request);
        return sessionApi.describe(request);
      }
      case "/api/login" -> {
        requireChange(request);
        return sessionApi.login(request);
      }
      case "/api/logout" -> {
        requireChange(request);
        return sessionApi.logout(request);
      }
      case "/metrics" -> {
        // A scraper has no session: the scrape token stands in for the login.
        requireRead(request);
        return metrics.scrape(request, authenticated(request));
      }
      default -> {
        // every other path is data or a change: logged-in only
      }
    }
    if (!path.startsWith("/api/")) {
      throw new HttpFailure(404, "not found");
    }
    if (!authenticated(request)) {
      throw new HttpFailure(401, "log in first");
    }
    if (path.equals("/api/gateways")) {
      requireRead(request);
      return gatewayApi.list();
    }
    if (path.equals("/api/events")) {
      requireRead(request);
      if (request.method().equals("HEAD")) {
        return Reply.bytes(EventStream.CONTENT_TYPE, new byte[0]);
      }
      securityHeaders(exchange.getResponseHeaders());
      try {
        events.take(exchange);
      } catch (java.io.IOException e) {
        // The page went away before its stream began.
        exchange.close();
      }
      return STREAMING;
    }
    Matcher m = GATEWAY_PATH.matcher(path);
    if (!m.matches()) {
      throw new HttpFailure(404, "not found");
    }
    switch (m.group(2)) {
      case "log" -> {
        requireRead(request);
        String query = exchange.getRequestURI().getRawQuery();
        Matcher after = AFTER.matcher(query == null ? "" : query);
        return after.find()
            ? details.follow(m.group(1), after.group(1))
            : gatewayApi.logTail(m.group(1));
      }
      case "log/download" -> {
        requireRead(request);
        return details.download(m.group(1));
      }
      case "detail" -> {
        requireRead(request);
        return details.detail(m.group(1));
      }
      case "history" -> {
        requireRead(request);
        return gatewayApi.history(m.group(1));
      }
      default -> {
        // a lifecycle action
      }
    }
    requireChange(request);
    return gatewayApi.act(m.group(1), m.group(2), request);
  }

  private boolean authenticated(Request request) {
    return policy.isOpen() || request.session().map(Session::authenticated).orElse(false);
  }

  private static void requireRead(Request request) {
    if (!request.isRead()) {
      throw HttpFailure.methodNotAllowed("GET, HEAD");
    }
  }

  /** POST only, from a page of this dashboard, carrying its session's CSRF token. */
  private void requireChange(Request request) {
    if (!request.method().equals("POST")) {
      throw HttpFailure.methodNotAllowed("POST");
    }
    String crossOrigin = guard.checkSameOrigin(request.exchange());
    if (crossOrigin != null) {
      throw new HttpFailure(403, crossOrigin);
    }
    Session session =
        request
            .session()
            .orElseThrow(() -> new HttpFailure(403, "no session: reload the page and try again"));
    if (!Secrets.equal(session.csrfToken(), request.header("X-CSRF-Token"))) {
      throw new HttpFailure(403, "missing or wrong CSRF token: reload the page and try again");
    }
  }

  private void send(HttpExchange exchange, Reply reply) {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", reply.contentType());
    securityHeaders(headers);
    for (Map.Entry<String, String> h : reply.headers()) {
      headers.add(h.getKey(), h.getValue());
    }
    try {
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(reply.status(), -1);
        return;
      }
      exchange.sendResponseHeaders(reply.status(), reply.body().length);
      OutputStream out = exchange.getResponseBody();
      out.write(reply.body());
      out.flush();
      // A refused request may still have a body in flight; closing with unread input would make
      // the kernel reset the connection, which can destroy the answer before the client reads it.
      discard(exchange);
      out.close();
    } catch (IOException e) {
      // The client went away; nobody is left to answer.
    }
  }

  private static void securityHeaders(Headers headers) {
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "same-origin");
    headers.set("Cross-Origin-Opener-Policy", "same-origin");
    headers.set("Cross-Origin-Resource-Policy", "same-origin");
    headers.set("Cache-Control", "no-store");
  }

  private static void discard(HttpExchange exchange) {
    byte[] buffer = new byte[8192];
    long left = 64 * 1024;
    try {
      int n;
      while (left > 0 && (n = exchange.getRequestBody().read(buffer)) != -1) {
        left -= n;
      }
    } catch (IOException e) {
      // Nothing more to read.
    }
  }
}

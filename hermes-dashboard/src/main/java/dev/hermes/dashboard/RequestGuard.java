package dev.hermes.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The checks every request passes before anything else looks at it.
 *
 * <p><b>Host.</b> A dashboard bound to loopback answers only requests addressed to a loopback name.
 * Otherwise a web page whose domain is made to resolve to 127.0.0.1 (DNS rebinding) would be "same
 * origin" with it and could read and drive an open dashboard from the operator's browser.
 *
 * <p><b>Same origin.</b> A state-changing request must carry an {@code Origin} (or, failing that, a
 * {@code Referer}) naming the same host and port it was sent to, and a {@code Sec-Fetch-Site}, when
 * the browser sends one, of {@code same-origin}. Together with the CSRF token this refuses requests
 * another site makes the browser send.
 */
final class RequestGuard {
  private final Set<String> allowedHosts;

  /**
   * @param allowedHosts lower-case {@code host:port} values, or null to accept any Host
   */
  RequestGuard(Set<String> allowedHosts) {
    this.allowedHosts = allowedHosts;
  }

  static RequestGuard forLoopback(String configuredHost, int port) {
    String configured = configuredHost.toLowerCase(Locale.ROOT);
    if (configured.contains(":") && !configured.startsWith("[")) {
      configured = "[" + configured + "]";
    }
    Set<String> hosts = new LinkedHashSet<>();
    hosts.add("127.0.0.1:" + port);
    hosts.add("localhost:" + port);
    hosts.add("[::1]:" + port);
    hosts.add(configured + ":" + port);
    return new RequestGuard(hosts);
  }

  static RequestGuard anyHost() {
    return new RequestGuard(null);
  }

  /** Null when the Host header is acceptable, else why not. */
  String checkHost(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || host.isBlank()) {
      return "missing Host header";
    }
    if (allowedHosts != null && !allowedHosts.contains(host.strip().toLowerCase(Locale.ROOT))) {
      return "this dashboard only answers requests addressed to " + String.join(", ", allowedHosts);
    }
    return null;
  }

  /** Null when the request comes from a page of this dashboard, else why not. */
  String checkSameOrigin(HttpExchange exchange) {
    String fetchSite = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin")) {
      return "cross-site request refused (Sec-Fetch-Site: " + fetchSite + ")";
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin == null || origin.isBlank() || origin.equals("null")) {
      origin = exchange.getRequestHeaders().getFirst("Referer");
    }
    if (origin == null || origin.isBlank()) {
      return "missing Origin header";
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || !sameAuthority(origin.strip(), host.strip())) {
      return "cross-origin request refused";
    }
    return null;
  }

  /** Whether the origin URL names the same host and port as the Host header. */
  static boolean sameAuthority(String originUrl, String hostHeader) {
    URI origin;
    URI host;
    try {
      origin = new URI(originUrl);
      if (origin.getScheme() == null
          || !(origin.getScheme().equalsIgnoreCase("http")
              || origin.getScheme().equalsIgnoreCase("https"))
          || origin.getHost() == null) {
        return false;
      }
      host = new URI(origin.getScheme() + "://" + hostHeader);
      if (host.getHost() == null || host.getRawPath() != null && !host.getRawPath().isEmpty()) {
        return false;
      }
    } catch (URISyntaxException e) {
      return false;
    }
    int defaultPort = origin.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    int originPort = origin.getPort() == -1 ? defaultPort : origin.getPort();
    int hostPort = host.getPort() == -1 ? defaultPort : host.getPort();
    return origin.getHost().equalsIgnoreCase(host.getHost()) && originPort == hostPort;
  }
}

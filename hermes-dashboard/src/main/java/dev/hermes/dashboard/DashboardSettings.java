package dev.hermes.dashboard;

import dev.hermes.core.EnvFlags;
import dev.hermes.core.ReservedPorts;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the dashboard is told by its environment and command line.
 *
 * @param host the address to listen on ({@code HERMES_DASHBOARD_HOST}, default 127.0.0.1)
 * @param port the port ({@code HERMES_DASHBOARD_PORT}, default 9119; 0 picks a free one)
 * @param username {@code HERMES_DASHBOARD_USERNAME}, or null when unset or blank
 * @param password {@code HERMES_DASHBOARD_PASSWORD}, or null when unset or blank
 * @param tokenFile {@code $HERMES_HOME/dashboard.token}
 * @param scrapeToken {@code HERMES_DASHBOARD_SCRAPE_TOKEN}: what a Prometheus scraper sends as
 *     {@code Authorization: Bearer} to read {@code /metrics} without a login; null when unset
 */
public record DashboardSettings(
    String host, int port, String username, String password, Path tokenFile, String scrapeToken) {
  public static final String ENABLED_VARIABLE = "HERMES_DASHBOARD";
  public static final String HOST_VARIABLE = "HERMES_DASHBOARD_HOST";
  public static final String PORT_VARIABLE = ReservedPorts.DASHBOARD_PORT_VARIABLE;
  public static final String USERNAME_VARIABLE = "HERMES_DASHBOARD_USERNAME";
  public static final String PASSWORD_VARIABLE = "HERMES_DASHBOARD_PASSWORD";
  public static final String SCRAPE_TOKEN_VARIABLE = "HERMES_DASHBOARD_SCRAPE_TOKEN";
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = ReservedPorts.DEFAULT_DASHBOARD_PORT;
  public static final String TOKEN_FILE = "dashboard.token";

  /** Keeps the password out of logs and exception messages that print the record. */
  @Override
  public String toString() {
    return "DashboardSettings[host="
        + host
        + ", port="
        + port
        + ", username="
        + (username == null ? "unset" : "set")
        + ", password="
        + (password == null ? "unset" : "set")
        + ", tokenFile="
        + tokenFile
        + ", scrapeToken="
        + (scrapeToken == null ? "unset" : "set")
        + "]";
  }

  /**
   * The environment's settings; {@code host} and {@code port} override it when not null (the
   * command line's {@code --host} and {@code --port}).
   */
  public static DashboardSettings from(
      Map<String, String> env, Path hermesHome, String host, Integer port) {
    return new DashboardSettings(
        host != null ? host : hostFrom(env),
        port != null ? checkPort(port, "--port") : portFrom(env),
        nonBlank(env.get(USERNAME_VARIABLE)),
        nonBlank(env.get(PASSWORD_VARIABLE)),
        hermesHome.resolve(TOKEN_FILE),
        scrapeTokenFrom(env));
  }

  /**
   * {@code HERMES_DASHBOARD_SCRAPE_TOKEN}, or null when unset or blank. A token short enough to
   * guess is a refusal, as a weak {@code dashboard.token} is.
   */
  public static String scrapeTokenFrom(Map<String, String> env) {
    String token = nonBlank(env.get(SCRAPE_TOKEN_VARIABLE));
    if (token == null) {
      return null;
    }
    token = token.strip();
    if (token.length() < DashboardToken.MIN_LENGTH || !token.matches("[!-~]+")) {
      throw new DashboardRefusedException(
          SCRAPE_TOKEN_VARIABLE
              + " must be at least "
              + DashboardToken.MIN_LENGTH
              + " printable characters without spaces (e.g. the output of 'openssl rand -hex 32')");
    }
    return token;
  }

  public static String hostFrom(Map<String, String> env) {
    String host = nonBlank(env.get(HOST_VARIABLE));
    return host != null ? host.strip() : DEFAULT_HOST;
  }

  public static int portFrom(Map<String, String> env) {
    String value = nonBlank(env.get(PORT_VARIABLE));
    if (value == null) {
      return DEFAULT_PORT;
    }
    if (!value.strip().matches("\\d{1,5}")) {
      throw new DashboardRefusedException(
          PORT_VARIABLE + " must be a port number (1-65535), got '" + value + "'");
    }
    return checkPort(Integer.parseInt(value.strip()), PORT_VARIABLE);
  }

  /**
   * Whether {@code hermes up} runs the dashboard: on unless {@code HERMES_DASHBOARD} is set to
   * something other than 1, true or yes (any case). Unset or blank means on.
   */
  public static boolean enabledUnderHermesUp(Map<String, String> env) {
    String value = nonBlank(env.get(ENABLED_VARIABLE));
    return value == null || EnvFlags.truthy(value);
  }

  /** Where a browser on this machine reaches a dashboard listening on {@code host}. */
  public static String url(String host, int port) {
    String h = host;
    if (h.equals("0.0.0.0") || h.isEmpty()) {
      h = "127.0.0.1";
    } else if (h.equals("::") || h.equals("[::]")) {
      h = "[::1]";
    } else if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return "http://" + h + ":" + port;
  }

  private static int checkPort(int port, String source) {
    if (port < 0 || port > 65535) {
      throw new DashboardRefusedException(source + " must be a port number (1-65535), got " + port);
    }
    return port;
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

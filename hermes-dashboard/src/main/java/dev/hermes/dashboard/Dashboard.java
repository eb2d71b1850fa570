package dev.hermes.dashboard;

import dev.hermes.core.HermesHome;
import dev.hermes.core.ProcessUsageReader;
import dev.hermes.core.ReadinessNotice;
import dev.hermes.supervision.GatewayBoard;
import dev.hermes.supervision.GatewayControl;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running dashboard: the page and JSON API over every profile's gateway. {@link #start} decides
 * who may use it ({@link AccessPolicy}) before it listens, so a dashboard that would be reachable
 * from the network without a login never binds at all.
 */
public final class Dashboard implements AutoCloseable {
  /**
   * How often a page without its event stream (refused: too many pages open) asks again; the
   * overview is computed at most twice per interval however many ask.
   */
  public static final Duration REFRESH = Duration.ofSeconds(1);

  static final Duration OVERVIEW_MAX_AGE = Duration.ofMillis(500);

  /** The overview's field for {@link #logLinesDropped}. */
  static final String LOG_LINES_DROPPED = "log_lines_dropped";

  private final DashboardServer server;
  private final String url;
  private final AccessPolicy policy;
  private final DashboardLog log;
  private final EventStream events;

  private Dashboard(
      DashboardServer server,
      String url,
      AccessPolicy policy,
      DashboardLog log,
      EventStream events) {
    this.server = server;
    this.events = events;
    this.url = url;
    this.policy = policy;
    this.log = log;
  }

  /**
   * Resolves the address, decides the access policy (creating the token file when that is the
   * rule), binds and serves. Every refusal is a {@link DashboardRefusedException}, thrown before
   * anything listens.
   */
  public static Dashboard start(
      DashboardSettings settings,
      HermesHome home,
      GatewayControl control,
      Map<String, String> env,
      OutputStream out) {
    DashboardLog log = new DashboardLog(ProcessHandle.current().pid(), out);
    Dashboard dashboard;
    try {
      InetAddress address = resolve(settings.host());
      AccessPolicy policy = AccessPolicy.decide(settings, address, log);
      dashboard = start(settings, address, policy, home, control, log);
    } catch (RuntimeException e) {
      // A refused start exits at once: what was logged on the way still gets written.
      log.close();
      throw e;
    }
    ReadinessNotice.send(env, log::warning);
    return dashboard;
  }

  static Dashboard start(
      DashboardSettings settings,
      InetAddress address,
      AccessPolicy policy,
      HermesHome home,
      GatewayControl control,
      DashboardLog log) {
    DashboardServer server = DashboardServer.bind(address, settings.port(), settings.host());
    int port = server.port();
    GatewayBoard board = GatewayBoard.cached(home, control);
    String manager = control.manager().describe();
    OverviewCache overview =
        new OverviewCache(
            board::rows,
            OVERVIEW_MAX_AGE,
            () -> {
              Map<String, Object> own = new LinkedHashMap<>();
              own.put("manager", manager);
              own.put("refresh_ms", REFRESH.toMillis());
              own.put(LOG_LINES_DROPPED, log.linesDropped());
              return own;
            },
            ProcessUsageReader.system(),
            System::nanoTime,
            Clock.systemUTC());
    EventStream events = new EventStream(overview, new FileStamps(board::watchedFiles), log);
    Sessions sessions = new Sessions();
    String cookie = "hermes_dashboard_" + port;
    DashboardHandler handler =
        new DashboardHandler(
            policy,
            sessions,
            address.isLoopbackAddress()
                ? RequestGuard.forLoopback(settings.host(), port)
                : RequestGuard.anyHost(),
            StaticFiles.load(),
            new SessionEndpoints(
                policy, sessions, new LoginThrottle(System::nanoTime), cookie, log),
            new GatewayEndpoints(home, board, overview, log, control.audit()),
            new MetricsEndpoint(overview, settings.scrapeToken()),
            new GatewayDetails(home, board::logFile),
            events,
            cookie,
            log);
    server.serve(handler);
    String url = DashboardSettings.url(settings.host(), port);
    log.info("listening on " + url + " (" + policy.description() + ")");
    return new Dashboard(server, url, policy, log, events);
  }

  /** Where a browser on this machine reaches it. */
  public String url() {
    return url;
  }

  public int port() {
    return server.port();
  }

  /** {@code none}, {@code password} or {@code token}. */
  public String login() {
    return policy.loginKind();
  }

  /** Lines the dashboard's own log could not write (its log pipe was blocked). */
  public long logLinesDropped() {
    return log.linesDropped();
  }

  /** Stops serving; the last lines get a bounded chance to reach the logger. */
  @Override
  public void close() {
    server.stop();
    events.close();
    log.info("stopped");
    log.close();
  }

  private static InetAddress resolve(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new DashboardRefusedException("cannot listen on '" + host + "': it does not resolve");
    }
  }
}

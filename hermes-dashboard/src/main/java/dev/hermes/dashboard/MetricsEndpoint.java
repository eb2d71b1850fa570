package dev.hermes.dashboard;

import java.util.ArrayList;

/**
 * {@code GET /metrics}: the overview in the Prometheus text format, for a scraper. It answers
 * whoever may read the API (an open loopback dashboard, a logged-in page) and, when {@code
 * HERMES_DASHBOARD_SCRAPE_TOKEN} is set, a request carrying {@code Authorization: Bearer TOKEN}.
 * The text is rendered once per overview snapshot, however many scrapers ask ({@link
 * OverviewCache.Snapshot#metrics}).
 */
final class MetricsEndpoint {
  private static final String BEARER = "Bearer ";

  private final OverviewCache overview;
  private final String scrapeToken;

  /**
   * @param scrapeToken the token a scraper may send instead of logging in, or null
   */
  MetricsEndpoint(OverviewCache overview, String scrapeToken) {
    this.overview = overview;
    this.scrapeToken = scrapeToken;
  }

  Reply scrape(Request request, boolean authenticated) {
    if (!authenticated && !carriesToken(request)) {
      String why =
          scrapeToken == null
              ? "this dashboard needs a login: set "
                  + DashboardSettings.SCRAPE_TOKEN_VARIABLE
                  + " and send it as 'Authorization: Bearer <token>'"
              : "missing or wrong scrape token: send 'Authorization: Bearer <token>' with the"
                  + " value of "
                  + DashboardSettings.SCRAPE_TOKEN_VARIABLE;
      return Reply.error(401, why).with("WWW-Authenticate", "Bearer realm=\"hermes\"");
    }
    OverviewCache.Snapshot snapshot = overview.get();
    return new Reply(200, PrometheusText.CONTENT_TYPE, snapshot.metrics(), new ArrayList<>())
        .with("Server-Timing", "overview;dur=" + snapshot.computeMillis());
  }

  private boolean carriesToken(Request request) {
    String header = request.header("Authorization");
    if (scrapeToken == null
        || header == null
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    return Secrets.equal(scrapeToken, header.substring(BEARER.length()).strip());
  }
}

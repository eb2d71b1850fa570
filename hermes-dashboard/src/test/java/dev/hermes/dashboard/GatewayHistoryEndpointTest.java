package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.core.audit.AuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/gateways/P/history}: a profile's audit events, under the same login as every
 * other endpoint; an action taken through the dashboard names the session's user.
 */
class GatewayHistoryEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  private TestDashboards fixture;
  private Dashboard dashboard;
  private int port;

  @BeforeEach
  void start() {
    fixture = new TestDashboards(root).withProfiles("alpha", "beta");
    dashboard = fixture.start(new AccessPolicy(LoginCheck.password("op", "secret"), "test"));
    port = dashboard.port();
  }

  @AfterEach
  void stop() {
    dashboard.close();
  }

  /** A logged-in session: its cookie and CSRF token. */
  private String[] loggedIn() throws IOException {
    RawHttp.Response anonymous = RawHttp.to(port).get("/api/session");
    RawHttp.Response in =
        RawHttp.to(port)
            .cookie(anonymous.cookie())
            .sameOrigin()
            .header("X-CSRF-Token", JSON.readTree(anonymous.body()).get("csrf").asText())
            .json("{\"username\":\"op\",\"password\":\"secret\"}")
            .post("/api/login");
    assertThat(in.status()).isEqualTo(200);
    return new String[] {in.cookie(), JSON.readTree(in.body()).get("csrf").asText()};
  }

  @Test
  void anActionThroughTheDashboardIsInTheProfilesHistoryWithTheSessionsUser() throws IOException {
    String[] session = loggedIn();
    RawHttp.Response stop =
        RawHttp.to(port)
            .cookie(session[0])
            .sameOrigin()
            .header("X-CSRF-Token", session[1])
            .post("/api/gateways/alpha/stop");
    assertThat(stop.status()).as(stop.body()).isEqualTo(200);

    RawHttp.Response r = RawHttp.to(port).cookie(session[0]).get("/api/gateways/alpha/history");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("profile").asText()).isEqualTo("alpha");
    assertThat(body.get("events")).hasSize(1);
    JsonNode event = body.get("events").get(0);
    assertThat(event.get("action").asText()).isEqualTo("stop");
    assertThat(event.get("actor").asText()).isEqualTo("dashboard");
    assertThat(event.get("session_user").asText()).isEqualTo("op");
    assertThat(event.get("user").asText()).isEqualTo(System.getProperty("user.name"));
    assertThat(event.get("reason").asText()).isEqualTo("requested from 127.0.0.1");
    assertThat(event.get("result").asText()).isEqualTo("ok");
    assertThat(
            JSON.readTree(
                    RawHttp.to(port).cookie(session[0]).get("/api/gateways/beta/history").body())
                .get("events"))
        .as("another profile's history")
        .isEmpty();
  }

  @Test
  void linesFromOtherWritersAreShownAndGarbageIsSkipped() throws IOException {
    Path file = fixture.home.logsDir().resolve(AuditLog.FILE_NAME);
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"time\":\"2026-12-03T16:20:01Z\",\"profile\":\"alpha\",\"action\":\"hold\","
            + "\"actor\":\"supervisor\",\"uid\":1000,\"user\":\"hermes\","
            + "\"reason\":\"crash loop\",\"result\":\"held\"}\n"
            + "not a line of the trail\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);

    RawHttp.Response r = RawHttp.to(port).cookie(loggedIn()[0]).get("/api/gateways/alpha/history");

    JsonNode events = JSON.readTree(r.body()).get("events");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("result").asText()).isEqualTo("held");
  }

  @Test
  void theHistoryNeedsALoginAReadAndAProfileThatExists() throws IOException {
    assertThat(RawHttp.to(port).get("/api/gateways/alpha/history").status()).isEqualTo(401);
    String[] session = loggedIn();
    RawHttp.Response post =
        RawHttp.to(port)
            .cookie(session[0])
            .sameOrigin()
            .header("X-CSRF-Token", session[1])
            .post("/api/gateways/alpha/history");
    assertThat(post.status()).isEqualTo(405);
    assertThat(RawHttp.to(port).cookie(session[0]).get("/api/gateways/nobody/history").status())
        .isEqualTo(404);
  }
}

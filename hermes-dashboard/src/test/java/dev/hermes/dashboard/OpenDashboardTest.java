package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An open dashboard (loopback, no credentials) answering over real HTTP. */
class OpenDashboardTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  private TestDashboards fixture;
  private Dashboard dashboard;
  private int port;

  @BeforeEach
  void start() {
    fixture = new TestDashboards(root).withProfiles("alpha", "beta");
    dashboard = fixture.start(AccessPolicy.open());
    port = dashboard.port();
  }

  @AfterEach
  void stop() {
    dashboard.close();
  }

  @Test
  void thePageComesWithARestrictiveContentSecurityPolicyAndNoInlineScript() {
    RawHttp.Response page = RawHttp.to(port).get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy"))
        .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    // Every script comes from a file: no inline <script> body, no on* handler attributes.
    assertThat(page.body()).containsPattern("<script src=\"/app.js\" defer></script>");
    assertThat(page.body()).doesNotContainPattern("<script(?![^>]*src=)");
    assertThat(page.body()).doesNotContainPattern("\\son[a-z]+=");
    assertThat(RawHttp.to(port).get("/app.js").header("Content-Type"))
        .startsWith("text/javascript");
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersErrorsIncluded() {
    for (RawHttp.Response r :
        List.of(
            RawHttp.to(port).get("/nope"),
            RawHttp.to(port).post("/api/gateways/alpha/start"),
            RawHttp.to(port).get("/api/gateways"))) {
      assertThat(r.header("Content-Security-Policy"))
          .isEqualTo(DashboardHandler.CONTENT_SECURITY_POLICY);
      assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
    }
  }

  @Test
  void theApiListsEveryProfileDefaultFirst() throws IOException {
    fixture.manager.heldDown("beta", "crash loop (2 exits in 3s, last: exit 1)");
    RawHttp.Response r = RawHttp.to(port).get("/api/gateways");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("refresh_ms").asInt()).isEqualTo(1000);
    assertThat(body.get("log_lines_dropped").asLong()).isZero();
    List<String> names = new ArrayList<>();
    body.get("gateways").forEach(g -> names.add(g.get("profile").asText()));
    assertThat(names).containsExactly("default", "alpha", "beta");
    JsonNode beta = body.get("gateways").get(2);
    assertThat(beta.get("actual").asText()).isEqualTo("crash-loop");
    assertThat(beta.get("reason").asText()).isEqualTo("crash loop (2 exits in 3s, last: exit 1)");
    assertThat(beta.get("hold_reason").asText()).isEqualTo("crash-loop");
    assertThat(beta.get("port").asInt()).isEqualTo(40101);
  }

  @Test
  void startGoesThroughTheSupervisorAndRecordsTheDesiredState() throws IOException {
    RawHttp.Response r = postAsThePage("/api/gateways/alpha/start");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(fixture.manager.actions()).containsExactly("start alpha");
    assertThat(fixture.home.profile("alpha").state().text("desired_state")).contains("running");
    JsonNode alpha =
        JSON.readTree(RawHttp.to(port).get("/api/gateways").body()).get("gateways").get(1);
    assertThat(alpha.get("actual").asText()).as("the change is visible at once").isEqualTo("ready");
  }

  @Test
  void aChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws IOException {
    RawHttp.Response session = RawHttp.to(port).get("/api/session");
    String csrf = JSON.readTree(session.body()).get("csrf").asText();

    RawHttp.Response none =
        RawHttp.to(port).cookie(session.cookie()).sameOrigin().post("/api/gateways/alpha/stop");
    RawHttp.Response wrong =
        RawHttp.to(port)
            .cookie(session.cookie())
            .sameOrigin()
            .header("X-CSRF-Token", csrf + "x")
            .post("/api/gateways/alpha/stop");
    RawHttp.Response noSession =
        RawHttp.to(port).sameOrigin().header("X-CSRF-Token", csrf).post("/api/gateways/alpha/stop");

    for (RawHttp.Response r : List.of(none, wrong, noSession)) {
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.body()).startsWith("{\"error\":");
    }
    assertThat(JSON.readTree(none.body()).get("error").asText()).contains("CSRF token");
    assertThat(fixture.manager.actions()).isEmpty();
    assertThat(fixture.home.profile("alpha").state().text("desired_state")).isEmpty();
  }

  @Test
  void aChangeFromAnotherOriginIsRefusedEvenWithTheToken() throws IOException {
    RawHttp.Response session = RawHttp.to(port).get("/api/session");
    String csrf = JSON.readTree(session.body()).get("csrf").asText();
    RawHttp.Response otherOrigin =
        RawHttp.to(port)
            .cookie(session.cookie())
            .header("X-CSRF-Token", csrf)
            .header("Origin", "http://evil.example")
            .post("/api/gateways/alpha/start");
    RawHttp.Response noOrigin =
        RawHttp.to(port)
            .cookie(session.cookie())
            .header("X-CSRF-Token", csrf)
            .post("/api/gateways/alpha/start");
    RawHttp.Response crossSite =
        RawHttp.to(port)
            .cookie(session.cookie())
            .sameOrigin()
            .header("Sec-Fetch-Site", "cross-site")
            .header("X-CSRF-Token", csrf)
            .post("/api/gateways/alpha/start");
    assertThat(List.of(otherOrigin.status(), noOrigin.status(), crossSite.status()))
        .containsOnly(403);
    assertThat(fixture.manager.actions()).isEmpty();
  }

  @Test
  void requestsAddressedToAnotherHostAreRefusedSoDnsRebindingGetsNothing() {
    RawHttp.Response r =
        RawHttp.to(port).header("Host", "attacker.example:" + port).get("/api/gateways");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).doesNotContain("alpha");
    assertThat(RawHttp.to(port).header("Host", "localhost:" + port).get("/").status())
        .isEqualTo(200);
  }

  @Test
  void badRequestsGet4xxWithAReasonAndNeverAStackTrace() {
    List<RawHttp.Response> answers =
        List.of(
            RawHttp.to(port).get("/nope"),
            RawHttp.to(port).send("PUT", "/api/gateways"),
            RawHttp.to(port).get("/api/gateways/alpha/start"),
            RawHttp.to(port).get("/api/gateways/..%2f..%2fetc/log"),
            RawHttp.to(port).get("/api/gateways/nosuch/log"),
            RawHttp.to(port).get("/../../etc/passwd"),
            RawHttp.to(port).sameOrigin().json("{not json").post("/api/login"));
    assertThat(answers)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isBetween(400, 499);
              assertThat(r.body()).startsWith("{\"error\":\"").doesNotContain("Exception", "\tat ");
            });
    assertThat(answers.get(1).status()).isEqualTo(405);
    assertThat(answers.get(1).header("Allow")).isEqualTo("GET, HEAD");
    assertThat(answers.get(4).status()).isEqualTo(404);
  }

  @Test
  void aSupervisorRefusalComesBackAsAConflictWithItsMessage() throws IOException {
    fixture.manager.refuses("alpha", "s6-svc -u on 'gateway-alpha' failed (rc=1): boom");
    RawHttp.Response r = postAsThePage("/api/gateways/alpha/start");
    assertThat(r.status()).isEqualTo(409);
    assertThat(JSON.readTree(r.body()).get("error").asText())
        .isEqualTo("s6-svc -u on 'gateway-alpha' failed (rc=1): boom");
  }

  @Test
  void theLogTailIsTheLastFiftyLinesOfTheGatewaysCurrentLog() throws IOException {
    Path current = fixture.home.gatewayLogsDir().resolve("alpha").resolve("current");
    Files.createDirectories(current.getParent());
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 120; i++) {
      text.append("line ").append(i).append('\n');
    }
    Files.writeString(current, text);
    JsonNode body = JSON.readTree(RawHttp.to(port).get("/api/gateways/alpha/log").body());
    assertThat(body.get("lines")).hasSize(50);
    assertThat(body.get("lines").get(0).asText()).isEqualTo("line 71");
    assertThat(body.get("lines").get(49).asText()).isEqualTo("line 120");
  }

  @Test
  void theOverviewIsComputedOnceForManyPollsInARow() {
    for (int i = 0; i < 5; i++) {
      assertThat(RawHttp.to(port).get("/api/gateways").status()).isEqualTo(200);
    }
    // Without the cache this would be 15 reads (3 profiles, 5 polls); timing on a loaded machine
    // may let one recomputation through. OverviewCacheTest checks the exact rule.
    assertThat(fixture.manager.statusReads()).isLessThanOrEqualTo(6);
  }

  /** A change sent the way the page sends it: its session cookie, same origin, CSRF token. */
  private RawHttp.Response postAsThePage(String path) throws IOException {
    RawHttp.Response session = RawHttp.to(port).get("/api/session");
    String csrf = JSON.readTree(session.body()).get("csrf").asText();
    return RawHttp.to(port)
        .cookie(session.cookie())
        .sameOrigin()
        .header("X-CSRF-Token", csrf)
        .post(path);
  }
}

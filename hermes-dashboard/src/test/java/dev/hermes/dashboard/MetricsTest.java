package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.core.state.ActualState;
import dev.hermes.supervision.GatewayStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} read by Prometheus's own parser and linter, and who may read it. */
class MetricsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRAPE_TOKEN = "s".repeat(40);
  private static final int SELF = (int) ProcessHandle.current().pid();

  @TempDir Path root;

  /** default down, alpha running as this test's JVM (so it has real CPU and memory), beta held. */
  private TestDashboards fleet() {
    TestDashboards fixture = new TestDashboards(root).withProfiles("alpha", "beta");
    fixture.manager.down("default");
    fixture.manager.answers(
        "alpha", GatewayStatus.builder("alpha").up(SELF).ready(true).since(30).restarts(2).build());
    fixture.manager.heldDown("beta", "crash loop (5 exits in 9s, last: exit 1)");
    return fixture;
  }

  @Test
  void theReferenceParserReadsEveryGatewaysFamilies() {
    PrometheusTools.requireParser();
    try (Dashboard dashboard = fleet().start(AccessPolicy.open())) {
      RawHttp.Response r = RawHttp.to(dashboard.port()).get("/metrics");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Content-Type")).isEqualTo(PrometheusText.CONTENT_TYPE);
      PrometheusTools.Parsed m = PrometheusTools.parse(r.body());

      assertThat(m.families())
          .containsEntry("hermes_gateway_up", "gauge")
          .containsEntry("hermes_gateway_restarts", "counter")
          .containsEntry("hermes_gateway_cpu_seconds", "counter")
          .containsEntry("hermes_gateway_state", "gauge");
      assertThat(m.value("hermes_gateway_up", "profile", "alpha")).isEqualTo(1);
      assertThat(m.value("hermes_gateway_ready", "profile", "alpha")).isEqualTo(1);
      assertThat(m.value("hermes_gateway_up", "profile", "beta")).isZero();
      assertThat(m.value("hermes_gateway_held_down", "profile", "beta")).isEqualTo(1);
      assertThat(m.value("hermes_gateway_held_down", "profile", "alpha")).isZero();
      assertThat(m.value("hermes_gateway_state", "profile", "beta", "state", "crash-loop"))
          .isEqualTo(1);
      assertThat(m.value("hermes_gateway_state", "profile", "beta", "state", "ready")).isZero();
      assertThat(m.all("hermes_gateway_state").stream().mapToDouble(s -> s.value()).sum())
          .as("one state per gateway")
          .isEqualTo(3);
      assertThat(m.value("hermes_gateway_restarts_total", "profile", "alpha")).isEqualTo(2);
      assertThat(m.value("hermes_gateway_last_exit_code", "profile", "beta")).isEqualTo(1);
      assertThat(m.find("hermes_gateway_last_exit_code", "profile", "alpha")).isEmpty();

      // The process of alpha is this JVM: real numbers from /proc, none for the others.
      assertThat(m.value("hermes_gateway_cpu_seconds_total", "profile", "alpha")).isPositive();
      assertThat(m.value("hermes_gateway_resident_memory_bytes", "profile", "alpha"))
          .isGreaterThan(8 << 20);
      assertThat(m.value("hermes_gateway_start_time_seconds", "profile", "alpha"))
          .isCloseTo(
              ProcessHandle.current().info().startInstant().orElseThrow().getEpochSecond(),
              offset(2.0));
      assertThat(m.find("hermes_gateway_resident_memory_bytes", "profile", "beta")).isEmpty();

      assertThat(m.value("hermes_profiles")).isEqualTo(3);
      assertThat(m.value("hermes_gateways", "state", "ready")).isEqualTo(1);
      assertThat(m.value("hermes_gateways", "state", "crash-loop")).isEqualTo(1);
      assertThat(m.value("hermes_gateways", "state", "failed")).isZero();
      assertThat(m.all("hermes_gateways")).hasSize(ActualState.values().length);
    }
  }

  @Test
  void promtoolFindsNothingToLint() {
    PrometheusTools.requirePromtool();
    try (Dashboard dashboard = fleet().start(AccessPolicy.open())) {
      PrometheusTools.Result lint =
          PrometheusTools.checkMetrics(RawHttp.to(dashboard.port()).get("/metrics").body());
      assertThat(lint.output()).isEmpty();
      assertThat(lint.exit()).isZero();
    }
  }

  @Test
  void thePagesJsonCarriesTheSameCpuAndMemory() throws IOException {
    try (Dashboard dashboard = fleet().start(AccessPolicy.open())) {
      JsonNode body = JSON.readTree(RawHttp.to(dashboard.port()).get("/api/gateways").body());
      JsonNode alpha = body.get("gateways").get(1);
      assertThat(alpha.get("profile").asText()).isEqualTo("alpha");
      assertThat(alpha.get("cpu_seconds").asDouble()).isPositive();
      assertThat(alpha.get("rss_bytes").asLong()).isGreaterThan(8 << 20);
      // The keys the page already reads are all still there.
      assertThat(alpha.has("actual") && alpha.has("uptime_seconds") && alpha.has("pid")).isTrue();
      JsonNode beta = body.get("gateways").get(2);
      assertThat(beta.get("cpu_seconds").isNull()).isTrue();
      assertThat(beta.get("rss_bytes").isNull()).isTrue();
    }
  }

  @Test
  void aDashboardWithALoginAnswersAScraperOnlyWithTheScrapeToken() {
    AccessPolicy login = new AccessPolicy(LoginCheck.token("t".repeat(43)), "login with a token");
    try (Dashboard dashboard = fleet().withScrapeToken(SCRAPE_TOKEN).start(login)) {
      RawHttp.Response none = RawHttp.to(dashboard.port()).get("/metrics");
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.body()).doesNotContain("\n").contains("scrape token");
      assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");

      RawHttp.Response wrong =
          RawHttp.to(dashboard.port())
              .header("Authorization", "Bearer " + SCRAPE_TOKEN + "x")
              .get("/metrics");
      assertThat(wrong.status()).isEqualTo(401);
      // The login's token is not the scrape token.
      RawHttp.Response loginToken =
          RawHttp.to(dashboard.port())
              .header("Authorization", "Bearer " + "t".repeat(43))
              .get("/metrics");
      assertThat(loginToken.status()).isEqualTo(401);

      RawHttp.Response right =
          RawHttp.to(dashboard.port())
              .header("Authorization", "Bearer " + SCRAPE_TOKEN)
              .get("/metrics");
      assertThat(right.status()).isEqualTo(200);
      assertThat(right.body()).contains("hermes_gateway_up{profile=\"alpha\"} 1\n");
      // The token opens /metrics only, not the API.
      assertThat(
              RawHttp.to(dashboard.port())
                  .header("Authorization", "Bearer " + SCRAPE_TOKEN)
                  .get("/api/gateways")
                  .status())
          .isEqualTo(401);
    }
  }

  @Test
  void aDashboardWithALoginAndNoScrapeTokenSaysHowToSetOne() {
    AccessPolicy login = new AccessPolicy(LoginCheck.token("t".repeat(43)), "login with a token");
    try (Dashboard dashboard = fleet().start(login)) {
      RawHttp.Response r =
          RawHttp.to(dashboard.port()).header("Authorization", "Bearer anything").get("/metrics");
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.body()).contains(DashboardSettings.SCRAPE_TOKEN_VARIABLE);
    }
  }

  @Test
  void anOpenLoopbackDashboardNeedsNoToken() {
    try (Dashboard dashboard = fleet().start(AccessPolicy.open())) {
      assertThat(RawHttp.to(dashboard.port()).get("/metrics").status()).isEqualTo(200);
      assertThat(RawHttp.to(dashboard.port()).post("/metrics").status()).isEqualTo(405);
    }
  }

  @Test
  void aScrapeTokenTooShortToBeSecretIsARefusal() {
    assertThatThrownBy(
            () ->
                DashboardSettings.from(
                    Map.of(DashboardSettings.SCRAPE_TOKEN_VARIABLE, "short"), root, null, null))
        .isInstanceOf(DashboardRefusedException.class)
        .hasMessageContaining("at least 32 printable characters");
    assertThat(
            DashboardSettings.from(
                    Map.of(DashboardSettings.SCRAPE_TOKEN_VARIABLE, " " + SCRAPE_TOKEN + "\n"),
                    root,
                    null,
                    null)
                .scrapeToken())
        .isEqualTo(SCRAPE_TOKEN);
    assertThat(DashboardSettings.from(Map.of(), root, null, null).toString())
        .contains("scrapeToken=unset");
    assertThat(Files.exists(root.resolve("dashboard.token"))).isFalse();
  }
}

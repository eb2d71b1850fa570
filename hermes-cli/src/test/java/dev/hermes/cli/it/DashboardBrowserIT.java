package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.RequestOptions;
import dev.hermes.testing.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium against a real {@code hermes up} with real gateways: what the
 * page shows is what {@code hermes gateway status} says, and its buttons drive the supervisor.
 */
class DashboardBrowserIT {
  private static final Duration READY = Duration.ofSeconds(60);
  private static final double UI_TIMEOUT_MS = 60_000;

  @TempDir static Path home;
  @TempDir static Path scratch;

  private static HermesCli cli;
  private static HermesUp up;
  private static HeadlessChromium chromium;
  private static String url;

  private BrowserContext context;
  private Page page;

  @BeforeAll
  static void startEverything() throws Exception {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    HeadlessChromium.assumeInstalled();
    int base = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    // Two exits hold a crashing gateway down, so the crash loop shows within seconds.
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \""
            + base
            + "-"
            + (base + 49)
            + "\"\nsupervision:\n  crash_loop:\n    max_exits: 2\n");
    cli = new HermesCli(home, scratch).env("HERMES_DASHBOARD_PORT", Integer.toString(base + 90));
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    url = Dashboards.url(up);
    assertThat(url).isEqualTo("http://127.0.0.1:" + (base + 90));
    for (String p : new String[] {"alpha", "beta", "crashy"}) {
      cli.ok("profile", "create", p);
    }
    // A directory where the gateway's lock file should be: every start fails with exit 1.
    Files.createDirectory(home.resolve("profiles/crashy/gateway.lock"));
    cli.awaitGateway("default", READY, HermesCli::ready);
    Dashboards.awaitServing(url, READY);
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void stopEverything() {
    if (chromium != null) {
      chromium.close();
    }
    if (up != null) {
      up.close();
    }
  }

  @BeforeEach
  void openPage() {
    context = chromium.browser().newContext();
    page = context.newPage();
    page.navigate(url + "/");
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  private Locator row(String profile) {
    return page.locator("tr[data-profile=\"" + profile + "\"]");
  }

  private static LocatorAssertions.HasTextOptions patiently() {
    return new LocatorAssertions.HasTextOptions().setTimeout(UI_TIMEOUT_MS);
  }

  @Test
  void thePageListsEveryProfileAndStartAndStopDriveTheSupervisor() throws Exception {
    PlaywrightAssertions.assertThat(page.locator("#rows tr")).hasCount(4);
    PlaywrightAssertions.assertThat(row("default").locator(".actual"))
        .hasText("ready", patiently());
    PlaywrightAssertions.assertThat(row("alpha").locator(".actual")).hasText("down", patiently());

    row("alpha").locator("button.start").click();
    JsonNode ready = cli.awaitGateway("alpha", READY, HermesCli::ready);
    // Once the supervisor reports it ready, the page follows within its refresh interval (1 s;
    // the bound here leaves room for a loaded machine; bench/dashboard measures the real delay).
    PlaywrightAssertions.assertThat(row("alpha").locator(".actual"))
        .hasText("ready", new LocatorAssertions.HasTextOptions().setTimeout(5_000));
    PlaywrightAssertions.assertThat(row("alpha").locator(".pid"))
        .hasText(ready.get("pid").asText(), patiently());
    assertThat(cli.gateway("alpha").get("desired").asText()).isEqualTo("running");

    page.screenshot(
        new Page.ScreenshotOptions().setPath(Path.of("target", "dashboard.png")).setFullPage(true));

    row("alpha").locator("button.stop").click();
    PlaywrightAssertions.assertThat(row("alpha").locator(".actual")).hasText("down", patiently());
    JsonNode stopped = cli.awaitGateway("alpha", READY, s -> !s.get("up").asBoolean());
    assertThat(stopped.get("desired").asText()).isEqualTo("stopped");
    assertThat(cli.ok("gateway", "status", "--all")).containsPattern("alpha +stopped +down");
  }

  @Test
  void aCrashLoopedGatewayStandsOutWithItsReason() {
    row("crashy").locator("button.start").click();
    Pattern reason = Pattern.compile("crash loop \\(2 exits in \\d+s, last: exit 1\\)");
    // The action's result is what the supervisor made of it, not a bare "started".
    PlaywrightAssertions.assertThat(page.locator("#message"))
        .hasText(
            Pattern.compile("✗ gateway-crashy (is held down again|ended again after the start)"),
            patiently());
    PlaywrightAssertions.assertThat(row("crashy").locator(".reason")).hasText(reason, patiently());
    PlaywrightAssertions.assertThat(row("crashy").locator(".actual")).hasText("crash-loop");
    PlaywrightAssertions.assertThat(row("crashy"))
        .hasClass(
            Pattern.compile("\\bheld\\b"),
            new LocatorAssertions.HasClassOptions().setTimeout(UI_TIMEOUT_MS));
    PlaywrightAssertions.assertThat(page.locator("#held"))
        .containsText(Pattern.compile("crashy: crash loop \\(2 exits"));
    assertThat(cli.gateway("crashy").get("actual").asText()).isEqualTo("crash-loop");
  }

  @Test
  void theLogTailShowsALineTheGatewayWrote() {
    JsonNode status = cli.gateway("default");
    row("default").locator("button.log").click();
    PlaywrightAssertions.assertThat(page.locator("#log"))
        .containsText(
            "gateway[default pid " + status.get("pid").asText() + "]: info: ready",
            new LocatorAssertions.ContainsTextOptions().setTimeout(UI_TIMEOUT_MS));
    PlaywrightAssertions.assertThat(page.locator("#log-profile")).hasText("default");
  }

  @Test
  void aChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
    PlaywrightAssertions.assertThat(row("beta").locator(".actual")).hasText("down", patiently());
    // The page's own session cookie and origin, only the token left out.
    APIResponse refused =
        page.request()
            .post(
                url + "/api/gateways/beta/start", RequestOptions.create().setHeader("Origin", url));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text()).contains("CSRF token");
    // Not a wait for something: time for a start to have happened, had the request been taken.
    HermesCli.pause(1500);
    JsonNode beta = cli.gateway("beta");
    assertThat(beta.get("up").asBoolean()).isFalse();
    assertThat(beta.get("desired").isNull()).as("desired_state untouched").isTrue();
  }

  @Test
  void theDashboardIsItsOwnSupervisedSlotAndComesBackAfterKillMinusNine() {
    assertThat(Dashboards.svstat(home, "up,ready")).isEqualTo("true true");
    long pid = Long.parseLong(Dashboards.svstat(home, "pid"));
    assertThat(cli.gateways()).doesNotContainKey("dashboard");
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    await("a new dashboard serving (s6-svstat up,ready,pid)")
        .atMost(READY)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> Dashboards.svstat(home, "up,ready,pid"),
            now ->
                now.startsWith("true true ")
                    && !now.endsWith(" " + pid)
                    && Dashboards.status(url, "/api/session") == 200);
  }
}

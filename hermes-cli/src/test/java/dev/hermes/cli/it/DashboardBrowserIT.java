package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.RequestOptions;
import dev.hermes.testing.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private static final ObjectMapper JSON = new ObjectMapper();

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
            + "\"\nsupervision:\n  crash_loop:\n    max_exits: 2\n"
            // A model endpoint for the detail view, with a key in the URL it must not show.
            + "model:\n  base_url: \"https://user:sk-test-secret@models.example.test/v1"
            + "?key=sk-test-secret\"\n  name: test-model\n");
    Path env = home.resolve(".env");
    Files.writeString(env, "MODEL_API_KEY=sk-test-secret\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
    cli = new HermesCli(home, scratch).env("HERMES_DASHBOARD_PORT", Integer.toString(base + 90));
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    url = Dashboards.url(up);
    assertThat(url).isEqualTo("http://127.0.0.1:" + (base + 90));
    for (String p : new String[] {"alpha", "beta", "crashy", "delta"}) {
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

  private Locator button(String profile, String action) {
    return row(profile).locator("button." + action);
  }

  private static LocatorAssertions.HasTextOptions patiently() {
    return new LocatorAssertions.HasTextOptions().setTimeout(UI_TIMEOUT_MS);
  }

  private static LocatorAssertions.IsEnabledOptions enabledSoon() {
    return new LocatorAssertions.IsEnabledOptions().setTimeout(UI_TIMEOUT_MS);
  }

  private static LocatorAssertions.IsDisabledOptions disabledSoon() {
    return new LocatorAssertions.IsDisabledOptions().setTimeout(UI_TIMEOUT_MS);
  }

  /** The gateway's PID as the page's own overview (GET /api/gateways) gives it. */
  private long overviewPid(String profile) throws Exception {
    JsonNode overview = JSON.readTree(page.request().get(url + "/api/gateways").body());
    for (JsonNode g : overview.get("gateways")) {
      if (g.get("profile").asText().equals(profile)) {
        return g.get("pid").asLong();
      }
    }
    throw new AssertionError("no gateway " + profile + " in the overview");
  }

  /** The number of points a sparkline draws. */
  private static int points(Locator spark) {
    String n = spark.getAttribute("data-points");
    return n == null ? 0 : Integer.parseInt(n);
  }

  /** Start enabled only when not running; Stop and Restart only when running. */
  private void assertButtonsOfA(String profile, boolean running) {
    if (running) {
      PlaywrightAssertions.assertThat(button(profile, "start")).isDisabled(disabledSoon());
      PlaywrightAssertions.assertThat(button(profile, "stop")).isEnabled(enabledSoon());
      PlaywrightAssertions.assertThat(button(profile, "restart")).isEnabled(enabledSoon());
    } else {
      PlaywrightAssertions.assertThat(button(profile, "start")).isEnabled(enabledSoon());
      PlaywrightAssertions.assertThat(button(profile, "stop")).isDisabled(disabledSoon());
      PlaywrightAssertions.assertThat(button(profile, "restart")).isDisabled(disabledSoon());
    }
    PlaywrightAssertions.assertThat(button(profile, "details")).isEnabled();
  }

  /**
   * The lowest WCAG contrast ratio between the text colour and the background behind it, over the
   * page's text-bearing elements, with the element that has it.
   */
  private String lowestContrast() {
    return (String)
        page.evaluate(
            "() => {"
                + " const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);"
                + " const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;"
                + "   return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })"
                + "   .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);"
                + " const bg = (e) => { for (; e; e = e.parentElement) {"
                + "   const c = rgb(getComputedStyle(e).backgroundColor);"
                + "   if (c.length === 3 || c[3] > 0) return c.slice(0, 3); }"
                + "   return [255, 255, 255]; };"
                + " let worst = [99, ''];"
                + " for (const e of document.querySelectorAll('h1, #manager, #updated, #summary,"
                + "   #held, th .sort, td, .btn:not(:disabled), .muted, #detail dt, #detail dd,"
                + "   td .badge, #detail-death-body > span, #detail-history li > *')) {"
                + "   if (!e.offsetParent || !e.textContent.trim()) continue;"
                + "   const a = lum(rgb(getComputedStyle(e).color)), b = lum(bg(e));"
                + "   const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);"
                + "   if (r < worst[0]) worst = [r, e.tagName + '.' + e.className + ' '"
                + "     + e.textContent.trim().slice(0, 20)]; }"
                + " return worst[0].toFixed(2) + ' ' + worst[1]; }");
  }

  private void assertContrastInBothSchemes() {
    for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
      page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
      String lowest = lowestContrast();
      assertThat(Double.parseDouble(lowest.split(" ")[0]))
          .as("lowest text contrast in the %s scheme: %s", scheme, lowest)
          .isGreaterThanOrEqualTo(4.5);
    }
    page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
  }

  private void screenshot(String name, ColorScheme scheme) {
    page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
    page.screenshot(
        new Page.ScreenshotOptions().setPath(Path.of("target", name)).setFullPage(true));
  }

  @Test
  void thePageListsEveryProfileAndStartAndStopDriveTheSupervisor() throws Exception {
    PlaywrightAssertions.assertThat(page.locator("#rows tr")).hasCount(5);
    PlaywrightAssertions.assertThat(row("default").locator(".actual"))
        .hasText("ready", patiently());
    PlaywrightAssertions.assertThat(row("alpha").locator(".actual")).hasText("down", patiently());
    assertButtonsOfA("alpha", false);
    assertButtonsOfA("default", true);

    button("alpha", "start").click();
    JsonNode ready = cli.awaitGateway("alpha", READY, HermesCli::ready);
    // Pushed over the event stream once the supervisor reports it ready (the bound leaves room
    // for a loaded machine; bench/dashboard measures the real delay).
    PlaywrightAssertions.assertThat(row("alpha").locator(".actual"))
        .hasText("ready", new LocatorAssertions.HasTextOptions().setTimeout(5_000));
    PlaywrightAssertions.assertThat(row("alpha").locator(".pid"))
        .hasText(ready.get("pid").asText(), patiently());
    PlaywrightAssertions.assertThat(row("alpha").locator(".result"))
        .hasText(Pattern.compile("^started \\((starting|ready)\\)$"), patiently());
    assertButtonsOfA("alpha", true);
    assertThat(cli.gateway("alpha").get("desired").asText()).isEqualTo("running");

    // Killed with SIGKILL: the supervisor starts it again, and the row says it was just killed.
    long killed = overviewPid("alpha");
    assertThat(killed).as("alpha's PID from the overview").isGreaterThan(1);
    ProcessHandle.of(killed).orElseThrow().destroyForcibly();
    JsonNode again =
        cli.awaitGateway(
            "alpha", READY, s -> HermesCli.ready(s) && s.get("pid").asLong() != killed);
    PlaywrightAssertions.assertThat(row("alpha").locator(".pid"))
        .hasText(again.get("pid").asText(), patiently());
    PlaywrightAssertions.assertThat(row("alpha").locator(".last-exit .badge"))
        .hasText(Pattern.compile("^killed \\d+ (s|min) ago$"), patiently());

    screenshot("dashboard-5-light.png", ColorScheme.LIGHT);
    screenshot("dashboard-5-dark.png", ColorScheme.DARK);
    assertContrastInBothSchemes();
    page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));

    // The detail view: how the last run ended, and the kill in the history.
    button("alpha", "details").click();
    PlaywrightAssertions.assertThat(page.locator("#detail-death .cause"))
        .hasText("signal", patiently());
    PlaywrightAssertions.assertThat(page.locator("#detail-death .detail"))
        .hasText("signal SIGKILL");
    PlaywrightAssertions.assertThat(page.locator("#detail-death time"))
        .hasAttribute("title", Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT.*Z$"));
    Locator history = page.locator("#detail-history li");
    PlaywrightAssertions.assertThat(page.locator("#detail-history li.crash").first())
        .containsText(
            "signal SIGKILL",
            new LocatorAssertions.ContainsTextOptions().setTimeout(UI_TIMEOUT_MS));

    // Stop asks first; Cancel changes nothing.
    button("alpha", "stop").click();
    Locator dialog = page.locator("#confirm");
    PlaywrightAssertions.assertThat(dialog).isVisible();
    PlaywrightAssertions.assertThat(page.locator("#confirm-title")).hasText("Stop gateway-alpha?");
    PlaywrightAssertions.assertThat(page.locator("#confirm-cancel")).isFocused();
    screenshot("dashboard-confirm.png", ColorScheme.LIGHT);
    page.locator("#confirm-cancel").click();
    PlaywrightAssertions.assertThat(dialog).isHidden();
    HermesCli.pause(500);
    assertThat(cli.gateway("alpha").get("up").asBoolean()).as("still up after Cancel").isTrue();
    PlaywrightAssertions.assertThat(row("alpha").locator(".result"))
        .hasText(Pattern.compile("^started"));

    // Escape cancels too (the dialog's own keyboard handling).
    button("alpha", "stop").click();
    PlaywrightAssertions.assertThat(dialog).isVisible();
    page.keyboard().press("Escape");
    PlaywrightAssertions.assertThat(dialog).isHidden();

    button("alpha", "stop").click();
    page.locator("#confirm-ok").click();
    PlaywrightAssertions.assertThat(row("alpha").locator(".actual")).hasText("down", patiently());
    PlaywrightAssertions.assertThat(row("alpha").locator(".result"))
        .hasText(Pattern.compile("^stopped"), patiently());
    assertButtonsOfA("alpha", false);
    // The open history follows: newest first, the stop and the start by the dashboard's buttons.
    PlaywrightAssertions.assertThat(history.first().locator(".action"))
        .hasText("stop", patiently());
    PlaywrightAssertions.assertThat(history.first().locator(".actor"))
        .hasText(Pattern.compile("^dashboard\\b"));
    PlaywrightAssertions.assertThat(page.locator("#detail-history li.start .actor").first())
        .hasText(Pattern.compile("^dashboard\\b"));
    PlaywrightAssertions.assertThat(page.locator("#detail-history li.crash"))
        .hasClass(Pattern.compile("\\balert\\b"));
    JsonNode stopped = cli.awaitGateway("alpha", READY, s -> !s.get("up").asBoolean());
    assertThat(stopped.get("desired").asText()).isEqualTo("stopped");
    assertThat(cli.ok("gateway", "status", "--all")).containsPattern("alpha +stopped +down");
  }

  @Test
  void aChangeMadeElsewhereArrivesPushedAndRestartAsksFirst() {
    List<String> polls = new CopyOnWriteArrayList<>();
    page.onRequest(
        r -> {
          if (r.url().endsWith("/api/gateways")) {
            polls.add(r.url());
          }
        });
    PlaywrightAssertions.assertThat(row("delta").locator(".actual")).hasText("down", patiently());
    PlaywrightAssertions.assertThat(page.locator("#updated"))
        .hasText(Pattern.compile("^live"), patiently());

    // Started from the CLI: the page learns it from the event stream, without a reload.
    cli.ok("gateway", "start", "-p", "delta");
    JsonNode ready = cli.awaitGateway("delta", READY, HermesCli::ready);
    PlaywrightAssertions.assertThat(row("delta").locator(".actual"))
        .hasText("ready", new LocatorAssertions.HasTextOptions().setTimeout(5_000));
    PlaywrightAssertions.assertThat(row("delta").locator(".pid"))
        .hasText(ready.get("pid").asText(), patiently());
    assertButtonsOfA("delta", true);

    button("delta", "restart").click();
    PlaywrightAssertions.assertThat(page.locator("#confirm-title"))
        .hasText("Restart gateway-delta?");
    page.locator("#confirm-cancel").click();
    PlaywrightAssertions.assertThat(page.locator("#confirm")).isHidden();
    assertThat(cli.gateway("delta").get("pid").asText()).isEqualTo(ready.get("pid").asText());

    button("delta", "restart").click();
    page.locator("#confirm-ok").click();
    PlaywrightAssertions.assertThat(row("delta").locator(".result"))
        .hasText(Pattern.compile("^restarted"), patiently());
    JsonNode again =
        cli.awaitGateway(
            "delta",
            READY,
            s -> HermesCli.ready(s) && !s.get("pid").asText().equals(ready.get("pid").asText()));
    PlaywrightAssertions.assertThat(row("delta").locator(".pid"))
        .hasText(again.get("pid").asText(), patiently());
    assertThat(polls).as("the page never polls the overview").isEmpty();
  }

  @Test
  void columnsSortByClickAndByKeyboard() {
    PlaywrightAssertions.assertThat(page.locator("#rows tr")).hasCount(5);
    Locator profileHeader = page.locator("th[data-sort=profile]");
    Locator profiles = page.locator("#rows tr td.profile");
    PlaywrightAssertions.assertThat(profileHeader).hasAttribute("aria-sort", "none");
    // The server's order: default first, then by name.
    assertThat(profiles.allTextContents())
        .containsExactly("default", "alpha", "beta", "crashy", "delta");

    profileHeader.locator("button").click();
    PlaywrightAssertions.assertThat(profileHeader).hasAttribute("aria-sort", "ascending");
    assertThat(profiles.allTextContents())
        .containsExactly("alpha", "beta", "crashy", "default", "delta");

    profileHeader.locator("button").focus();
    page.keyboard().press("Enter");
    PlaywrightAssertions.assertThat(profileHeader).hasAttribute("aria-sort", "descending");
    assertThat(profiles.allTextContents())
        .containsExactly("delta", "default", "crashy", "beta", "alpha");

    Locator portHeader = page.locator("th[data-sort=port]");
    portHeader.locator("button").focus();
    page.keyboard().press("Space");
    PlaywrightAssertions.assertThat(portHeader).hasAttribute("aria-sort", "ascending");
    PlaywrightAssertions.assertThat(profileHeader).hasAttribute("aria-sort", "none");
    List<Integer> ports =
        page.locator("#rows tr td.port").allTextContents().stream()
            .filter(t -> t.matches("\\d+"))
            .map(Integer::parseInt)
            .toList();
    assertThat(ports).hasSize(5).isSorted();
  }

  @Test
  void aCrashLoopedGatewayStandsOutWithItsReason() {
    button("crashy", "start").click();
    Pattern reason = Pattern.compile("crash loop \\(2 exits in \\d+s, last: exit 1\\)");
    // The action's result is what the supervisor made of it, on its row, not a bare "started".
    PlaywrightAssertions.assertThat(row("crashy").locator(".result"))
        .hasText(
            Pattern.compile("✗ gateway-crashy (is held down again|ended again after the start)"),
            patiently());
    PlaywrightAssertions.assertThat(row("crashy").locator(".result"))
        .hasClass(Pattern.compile("\\bbad\\b"));
    PlaywrightAssertions.assertThat(row("crashy").locator(".reason")).hasText(reason, patiently());
    PlaywrightAssertions.assertThat(row("crashy").locator(".actual")).hasText("crash-loop");
    PlaywrightAssertions.assertThat(row("crashy"))
        .hasClass(
            Pattern.compile("\\bheld\\b"),
            new LocatorAssertions.HasClassOptions().setTimeout(UI_TIMEOUT_MS));
    PlaywrightAssertions.assertThat(page.locator("#held"))
        .containsText(Pattern.compile("crashy: crash loop \\(2 exits"));
    // Held down: nothing runs, so only Start applies.
    assertButtonsOfA("crashy", false);
    assertThat(cli.gateway("crashy").get("actual").asText()).isEqualTo("crash-loop");
  }

  @Test
  void theDetailViewShowsTheConfigAndFollowsAndSearchesTheLog() throws Exception {
    JsonNode status = cli.gateway("default");
    button("default", "details").click();
    Locator detail = page.locator("#detail");
    PlaywrightAssertions.assertThat(detail).isVisible();
    PlaywrightAssertions.assertThat(page.locator("#detail-profile")).hasText("default");
    PlaywrightAssertions.assertThat(page.locator("#detail-close")).isFocused();
    PlaywrightAssertions.assertThat(page.locator("#detail-config dd[data-fact=port]"))
        .hasText(status.get("port").asText(), patiently());
    PlaywrightAssertions.assertThat(page.locator("#detail-model dd[data-fact=model-endpoint]"))
        .hasText("https://models.example.test/v1", patiently());
    PlaywrightAssertions.assertThat(page.locator("#detail-config dd[data-fact=secrets-env-]"))
        .hasText("private");
    PlaywrightAssertions.assertThat(page.locator("#detail-live dd[data-fact=pid]"))
        .hasText(status.get("pid").asText(), patiently());
    // The places other views fill: last death cause and history.
    PlaywrightAssertions.assertThat(page.locator("#detail-death h3")).hasText("Last death cause");
    PlaywrightAssertions.assertThat(page.locator("#detail-history h3")).hasText("History");
    // What the dashboard itself says (the log is the gateway's own words).
    for (String facts : new String[] {"#detail-config", "#detail-model", "#detail-live"}) {
      assertThat(page.locator(facts).textContent()).doesNotContain("sk-test-secret");
    }

    String readyLine = "gateway[default pid " + status.get("pid").asText() + "]: info: ready";
    PlaywrightAssertions.assertThat(page.locator("#log"))
        .containsText(
            readyLine, new LocatorAssertions.ContainsTextOptions().setTimeout(UI_TIMEOUT_MS));
    page.locator("#log-search").fill("INFO: READY");
    PlaywrightAssertions.assertThat(page.locator("#log")).containsText(readyLine);
    assertThat(page.locator("#log").textContent().lines())
        .isNotEmpty()
        .allMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("info: ready"));
    PlaywrightAssertions.assertThat(page.locator("#log-count"))
        .hasText(Pattern.compile("^\\d+ of \\d+ lines$"));
    page.locator("#log-search").fill("no line says this");
    PlaywrightAssertions.assertThat(page.locator("#log")).hasText("(no line matches)");
    page.locator("#log-search").fill("");
    PlaywrightAssertions.assertThat(page.locator("#log")).containsText(readyLine);
    screenshot("dashboard-detail-light.png", ColorScheme.LIGHT);
    screenshot("dashboard-detail-dark.png", ColorScheme.DARK);
    assertContrastInBothSchemes();

    // A line added to the log now arrives without reopening the view.
    Files.writeString(
        home.resolve("logs/gateways/default/current"),
        "a line added while the view is open\n",
        StandardOpenOption.APPEND);
    PlaywrightAssertions.assertThat(page.locator("#log"))
        .containsText(
            "a line added while the view is open",
            new LocatorAssertions.ContainsTextOptions().setTimeout(UI_TIMEOUT_MS));
    String href = page.locator("#log-download").getAttribute("href");
    assertThat(href).isEqualTo("/api/gateways/default/log/download");
    APIResponse download = page.request().get(url + href);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.headers().get("content-disposition"))
        .isEqualTo("attachment; filename=\"gateway-default.log\"");
    assertThat(download.text()).contains(readyLine);

    // The usage sparklines gain a point with each pushed event, in the row and in the panel.
    Locator cpuSpark = row("default").locator("td.cpu svg.spark");
    PlaywrightAssertions.assertThat(cpuSpark).hasCount(1);
    PlaywrightAssertions.assertThat(row("default").locator("td.rss svg.spark")).hasCount(1);
    await("a CPU point").atMost(READY).until(() -> points(cpuSpark) >= 1);
    int before = points(cpuSpark);
    await("one more CPU point").atMost(READY).until(() -> points(cpuSpark) > before);
    assertThat(cpuSpark.getAttribute("aria-label")).matches("CPU \\d+(\\.\\d)?% of one core");
    assertThat(row("default").locator("td.rss svg.spark").getAttribute("aria-label"))
        .matches("Memory \\d.* (KB|MB|GB)");
    assertThat(points(page.locator("#detail-cpu-chart svg"))).isGreaterThan(before);

    page.keyboard().press("Escape");
    PlaywrightAssertions.assertThat(detail).isHidden();
    PlaywrightAssertions.assertThat(button("default", "details")).isFocused();
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

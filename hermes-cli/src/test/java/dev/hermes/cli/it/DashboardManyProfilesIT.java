package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ColorScheme;
import dev.hermes.testing.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard page over 200 registered profiles under a real {@code hermes up}, all down but one:
 * every row arrives over the event stream, sorting reorders them all, and the screenshots show the
 * page at that size in both schemes. The profiles are written as files, as {@code bench/dashboard}
 * does: 199 CLI runs would cost minutes.
 */
class DashboardManyProfilesIT {
  private static final int PROFILES = 200;

  @TempDir Path home;
  @TempDir Path scratch;

  @Test
  void twoHundredProfilesArriveSortAndShowInBothSchemes() throws Exception {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    HeadlessChromium.assumeInstalled();
    int base = 20000 + ThreadLocalRandom.current().nextInt(150) * 250;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + PROFILES + 20) + "\"\n");
    for (int i = 1; i < PROFILES; i++) {
      Path dir = Files.createDirectories(home.resolve("profiles").resolve(name(i)));
      Files.writeString(dir.resolve("SOUL.md"), "# SOUL\n");
      Files.writeString(dir.resolve("config.yaml"), "gateway:\n  port: " + (base + i) + "\n");
      Path env = Files.writeString(dir.resolve(".env"), "");
      Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
    }
    HermesCli cli =
        new HermesCli(home, scratch)
            .env("HERMES_DASHBOARD_PORT", Integer.toString(base + PROFILES + 30))
            .env("HERMES_GATEWAY_BOOTSTRAP_STATE", "none");
    try (HermesUp up = HermesUp.start(cli, scratch.resolve("up.log"));
        HeadlessChromium chromium = HeadlessChromium.launch()) {
      String url = Dashboards.url(up);
      Dashboards.awaitServing(url, Duration.ofSeconds(60));
      cli.ok("gateway", "start", "-p", name(7));
      BrowserContext context =
          chromium
              .browser()
              .newContext(
                  new com.microsoft.playwright.Browser.NewContextOptions()
                      .setViewportSize(1400, 900));
      Page page = context.newPage();
      page.navigate(url + "/");
      Locator rows = page.locator("#rows tr");
      PlaywrightAssertions.assertThat(rows)
          .hasCount(PROFILES, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
      PlaywrightAssertions.assertThat(page.locator("tr[data-profile=p007] td.actual"))
          .hasText("ready", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
      PlaywrightAssertions.assertThat(page.locator("#summary"))
          .hasText(java.util.regex.Pattern.compile("^200 gateways: "));

      page.locator("th[data-sort=actual] button").click();
      PlaywrightAssertions.assertThat(page.locator("th[data-sort=actual]"))
          .hasAttribute("aria-sort", "ascending");
      // "down" sorts before "ready": the one running gateway is last.
      assertThat(rows.last().getAttribute("data-profile")).isEqualTo(name(7));
      page.locator("th[data-sort=actual] button").click();
      assertThat(rows.first().getAttribute("data-profile")).isEqualTo(name(7));

      for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
        page.screenshot(
            new Page.ScreenshotOptions()
                .setPath(
                    Path.of("target", "dashboard-200-" + scheme.name().toLowerCase() + ".png")));
      }
      context.close();
    }
  }

  private static String name(int i) {
    return i == 0 ? "default" : String.format("p%03d", i);
  }
}

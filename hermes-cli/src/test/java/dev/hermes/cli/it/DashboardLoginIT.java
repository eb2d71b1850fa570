package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hermes dashboard} run by hand: its login, and its refusal to start without one. */
class DashboardLoginIT {
  @TempDir Path home;
  @TempDir Path scratch;

  private HermesCli cli;
  private int port;

  @BeforeEach
  void setUp() {
    cli = new HermesCli(home, scratch);
    port = 20000 + ThreadLocalRandom.current().nextInt(400) * 100 + 95;
  }

  @Test
  void withCredentialsItAsksForALoginAndRejectsAWrongPassword() throws Exception {
    Path log = scratch.resolve("dashboard.log");
    Process dashboard =
        cli.env("HERMES_DASHBOARD_USERNAME", "operator")
            .env("HERMES_DASHBOARD_PASSWORD", "correct horse")
            .builder("dashboard", "--host", "127.0.0.1", "--port", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    String url = "http://127.0.0.1:" + port;
    try (HeadlessChromium chromium = HeadlessChromium.launch()) {
      Dashboards.awaitServing(url, Duration.ofSeconds(60));
      BrowserContext context = chromium.browser().newContext();
      Page page = context.newPage();
      page.navigate(url + "/");
      PlaywrightAssertions.assertThat(page).hasURL(url + "/login");

      page.locator("#username").fill("operator");
      page.locator("#password").fill("wrong");
      page.locator("#login-button").click();
      PlaywrightAssertions.assertThat(page.locator("#login-error"))
          .hasText("wrong username or password");
      PlaywrightAssertions.assertThat(page).hasURL(url + "/login");
      assertThat(page.request().get(url + "/api/gateways").status()).isEqualTo(401);

      page.locator("#password").fill("correct horse");
      page.locator("#login-button").click();
      PlaywrightAssertions.assertThat(page).hasURL(url + "/");
      PlaywrightAssertions.assertThat(page.locator("tr[data-profile=\"default\"]")).hasCount(1);
      context.close();
    } finally {
      dashboard.destroy();
      assertThat(dashboard.waitFor(30, TimeUnit.SECONDS)).isTrue();
      dashboard.destroyForcibly();
    }
    assertThat(dashboard.exitValue()).isZero();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(output)
        .containsPattern(
            Pattern.compile(
                "dashboard\\[pid \\d+\\]: info: listening on " + url + " \\(login with"))
        .contains("warning: failed login from 127.0.0.1")
        .contains("info: login from 127.0.0.1")
        .doesNotContain("correct horse")
        .doesNotContain("operator");
  }

  @Test
  void onANonLoopbackAddressWithoutAUsableCredentialItRefusesToStart() throws Exception {
    // No username/password, and a token file other users can read: no credential is available.
    Path token = Files.writeString(home.resolve("dashboard.token"), "k".repeat(43) + "\n");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
    HermesCli.Result r =
        cli.run("dashboard", "--host", "0.0.0.0", "--port", Integer.toString(port));
    assertThat(r.code()).isEqualTo(78);
    assertThat(r.err())
        .startsWith("hermes: error: refusing to listen on 0.0.0.0 (not a loopback address)")
        .contains(token + " is open to other users");
    assertThat(r.out()).doesNotContain("listening");
    assertThat(Dashboards.status("http://127.0.0.1:" + port, "/")).isEqualTo(-1);
  }
}

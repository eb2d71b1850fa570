package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.testing.Required;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervised dashboard's slot under {@code hermes up}: off with {@code HERMES_DASHBOARD}, held
 * down (and said so) when it refuses its configuration, back with {@code hermes dashboard start}.
 */
class DashboardSlotIT {
  @TempDir Path home;
  @TempDir Path scratch;
  private HermesUp up;

  @AfterEach
  void tearDown() {
    if (up != null) {
      up.close();
    }
  }

  @Test
  void aDisabledDashboardHasASlotThatReportsDown() throws Exception {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    int base = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 49) + "\"\n");
    HermesCli cli =
        new HermesCli(home, scratch)
            .env("HERMES_DASHBOARD", "no")
            .env("HERMES_DASHBOARD_PORT", Integer.toString(base + 90));
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    assertThat(up.output()).contains("\n  dashboard    off (HERMES_DASHBOARD=no)\n");
    cli.awaitGateway("default", Duration.ofSeconds(60), HermesCli::ready);

    // Supervised (s6-svstat answers) and down, not a stand-in process reporting "up".
    assertThat(Dashboards.svstat(home, "up,wantedup,normallyup")).isEqualTo("false false false");
    assertThat(Dashboards.status("http://127.0.0.1:" + (base + 90), "/")).isEqualTo(-1);
    assertThat(cli.ok("doctor"))
        .contains(
            "✓ Dashboard slot: "
                + home.resolve("run/service/dashboard")
                + " present (disabled by HERMES_DASHBOARD)");
    assertThat(cli.ok("gateway", "status", "--all")).doesNotContain("dashboard");
  }

  @Test
  void aDashboardWhosePortIsTakenIsHeldSaysWhyAndComesBackWithDashboardStart() throws Exception {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    int base = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 49) + "\"\n");
    int dashboardPort = base + 90;
    HermesCli cli =
        new HermesCli(home, scratch).env("HERMES_DASHBOARD_PORT", Integer.toString(dashboardPort));
    String reason = "port " + dashboardPort + " on 127.0.0.1 is in use by another program";
    String notice = "held down: " + reason + " (once that is fixed: hermes dashboard start)";
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), dashboardPort));
      up = HermesUp.start(cli, scratch.resolve("up.log"));

      await("hermes up's warning that the dashboard is held down")
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(up.output())
                      .contains("hermes up: warning: the dashboard is " + notice + "\n"));
      assertThat(cli.ok("status")).contains("\nDashboard:      " + notice + "\n");
      HermesCli.Result doctor = cli.run("doctor");
      assertThat(doctor.code()).isEqualTo(2);
      assertThat(doctor.out()).contains("✗ Dashboard: " + notice + "\n");
      HermesCli.Result again = cli.run("dashboard", "start");
      assertThat(again.code()).isEqualTo(1);
      assertThat(again.err()).isEqualTo("✗ The dashboard is " + notice + "\n");
    }

    HermesCli.Result start = cli.run("dashboard", "start");
    assertThat(start.code()).as(start.err()).isZero();
    assertThat(start.out()).isEqualTo("✓ Started the dashboard: ready\n");
    assertThat(Dashboards.status("http://127.0.0.1:" + dashboardPort, "/")).isEqualTo(200);
    assertThat(cli.ok("status")).doesNotContain("Dashboard:");
    assertThat(cli.ok("doctor")).contains("✓ Dashboard slot: ");
  }

  @Test
  void doctorFollowsTheEnabledDashboardUntilItIsUpAndFailsOnceS6StopsIt() throws Exception {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    int base = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 49) + "\"\n");
    HermesCli cli =
        new HermesCli(home, scratch).env("HERMES_DASHBOARD_PORT", Integer.toString(base + 90));
    Path slot = home.resolve("run/service/dashboard");
    up = HermesUp.start(cli, scratch.resolve("up.log"));

    // Starting (a warning) until it listens; then ready.
    await("doctor's dashboard slot line up and ready")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(cli.run("doctor").out())
                    .contains("✓ Dashboard slot: " + slot + " up and ready\n"));
    assertThat(cli.ok("doctor")).contains("✓ s6: ").contains(" (supported: 2.11 to 2.15)\n");

    Process down = new ProcessBuilder(S6UnderTest.tool("s6-svc"), "-d", slot.toString()).start();
    assertThat(down.waitFor()).isZero();
    Process gone =
        new ProcessBuilder(S6UnderTest.tool("s6-svwait"), "-D", "-t", "30000", slot.toString())
            .start();
    assertThat(gone.waitFor()).isZero();
    HermesCli.Result doctor = cli.run("doctor");
    assertThat(doctor.code()).as(doctor.out()).isEqualTo(2);
    assertThat(doctor.out())
        .contains(
            "✗ Dashboard slot: "
                + slot
                + " down and not restarted by s6 (hermes dashboard start)\n");

    // The way back it names works.
    assertThat(cli.ok("dashboard", "start")).isEqualTo("✓ Started the dashboard: ready\n");
    assertThat(cli.ok("doctor")).contains("✓ Dashboard slot: " + slot + " up and ready\n");
  }

  @Test
  void dashboardStartWithoutHermesUpSaysSo() {
    HermesCli.Result r = new HermesCli(home, scratch).run("dashboard", "start");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "hermes: error: no hermes up is running on "
                + home
                + ": the dashboard starts with it (in the container s6 restarts it by"
                + " itself)\n");
  }
}

package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.testing.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code HERMES_DASHBOARD} turns the supervised dashboard off: its slot then reports down. */
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
}

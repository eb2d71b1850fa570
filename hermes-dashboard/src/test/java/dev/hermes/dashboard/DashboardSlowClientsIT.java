package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.core.ServerLimits;
import dev.hermes.testing.SlowClients;
import dev.hermes.testing.TimedGet;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris against a real dashboard asking for a login, started the way the command starts it (its
 * server gets the limits the product sets): while 200 connections send their requests byte by byte
 * or not at all, the login page still answers, and the server closes them once the request deadline
 * has passed.
 */
class DashboardSlowClientsIT {
  private static final int DRIPPING = 100;
  private static final int SILENT = 100;
  private static final Duration PAGE_WITHIN = Duration.ofSeconds(2);
  private static final int PAGE_CHECKS = 10;
  // The deadline, then the JDK's idle tick (10 s) that closes the silent ones, then margin for a
  // busy machine.
  private static final Duration ALL_CLOSED_WITHIN =
      ServerLimits.REQUEST_DEADLINE.plusSeconds(10).plusSeconds(15);

  @TempDir Path root;
  private Dashboard dashboard;

  @AfterEach
  void stop() {
    if (dashboard != null) {
      dashboard.close();
    }
  }

  @Test
  void theLoginPageAnswersWhileSlowClientsHoldConnectionsAndTheServerClosesThemAfterTheDeadline()
      throws Exception {
    dashboard =
        new TestDashboards(root)
            .withProfiles("alpha")
            .start(new AccessPolicy(LoginCheck.password("op", "secret"), "test"));
    int port = dashboard.port();
    assertThat(TimedGet.status(port, "/login", PAGE_WITHIN)).isEqualTo(200);

    try (SlowClients slow = SlowClients.open(port, DRIPPING, SILENT)) {
      for (int i = 0; i < PAGE_CHECKS; i++) {
        int dripped = slow.rounds();
        // Each check after the slow clients have sent one more byte: while they keep at it.
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.rounds() > dripped);
        assertThat(TimedGet.status(port, "/login", PAGE_WITHIN))
            .as(
                "/login within %s, check %d, with %d slow connections",
                PAGE_WITHIN, i, DRIPPING + SILENT)
            .isEqualTo(200);
      }
      assertThat(slow.closedByServer())
          .as("the slow connections were held while the page answered")
          .isZero();

      await().atMost(ALL_CLOSED_WITHIN).until(() -> slow.closedByServer() == slow.count());
      assertThat(TimedGet.status(port, "/login", PAGE_WITHIN)).isEqualTo(200);
    }
  }
}

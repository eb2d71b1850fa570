package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.core.Profile;
import dev.hermes.core.ServerLimits;
import dev.hermes.testing.SlowClients;
import dev.hermes.testing.TimedGet;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris against a real gateway JVM (started as a supervisor starts it, so its server gets the
 * limits the product sets): while 200 connections send their requests byte by byte or not at all,
 * /health still answers, and the server closes them once the request deadline has passed.
 */
class GatewaySlowClientsIT {
  private static final int DRIPPING = 100;
  private static final int SILENT = 100;
  private static final Duration HEALTH_WITHIN = Duration.ofSeconds(2);
  private static final int HEALTH_CHECKS = 10;
  // The deadline, then the JDK's idle tick (10 s) that closes the silent ones, then margin for a
  // busy machine.
  private static final Duration ALL_CLOSED_WITHIN =
      ServerLimits.REQUEST_DEADLINE.plusSeconds(10).plusSeconds(15);

  @TempDir Path root;

  @Test
  void healthAnswersWhileSlowClientsHoldConnectionsAndTheServerClosesThemAfterTheDeadline()
      throws Exception {
    int port = TestProfiles.freePort();
    Profile profile = TestProfiles.create(root, "coder", TestProfiles.gatewayConfig(port));
    try (GatewayProcess gateway = GatewayProcess.start(profile, root.resolve("logs"))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> TimedGet.status(port, "/health", HEALTH_WITHIN) == 200);

      try (SlowClients slow = SlowClients.open(port, DRIPPING, SILENT)) {
        for (int i = 0; i < HEALTH_CHECKS; i++) {
          int dripped = slow.rounds();
          // Each check after the slow clients have sent one more byte: while they keep at it.
          await().atMost(Duration.ofSeconds(10)).until(() -> slow.rounds() > dripped);
          assertThat(TimedGet.status(port, "/health", HEALTH_WITHIN))
              .as(
                  "/health within %s, check %d, with %d slow connections",
                  HEALTH_WITHIN, i, DRIPPING + SILENT)
              .isEqualTo(200);
        }
        assertThat(slow.closedByServer())
            .as("the slow connections were held while /health answered")
            .isZero();

        await().atMost(ALL_CLOSED_WITHIN).until(() -> slow.closedByServer() == slow.count());
        assertThat(TimedGet.status(port, "/health", HEALTH_WITHIN)).isEqualTo(200);
      }
      assertThat(gateway.process().isAlive()).as(gateway.output()).isTrue();
    }
  }
}

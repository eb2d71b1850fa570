package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The image's HEALTHCHECK ({@code hermes doctor --health}) as Docker reports it in {@code docker
 * inspect}: unhealthy when the gateway scanner is not running or a gateway whose desired state is
 * running is down or held, healthy otherwise. Probed every second here (docker run's health flags
 * override the Dockerfile's 30 s).
 */
class HealthIT extends ContainerTest {
  private static final RunOptions FAST_HEALTH =
      RunOptions.defaults()
          .withEnv("HERMES_GATEWAY_BOOTSTRAP_STATE", "running")
          .withFlags(
              "--health-interval=1s",
              "--health-timeout=20s",
              "--health-start-period=0s",
              "--health-retries=2");

  @Test
  void aGatewayWantedRunningButHeldDownIsUnhealthyAndStoppingItIsHealthyAgain() {
    Container container = container(FAST_HEALTH, IDLE);
    bootIdle(container);
    hermesOk(container, "profile", "create", "coder");
    hermesOk(container, "-p", "coder", "gateway", "start", "--wait");
    awaitGateway(container, "default", "ready", ContainerTest::ready);
    awaitHealth(container, "healthy");

    // An unparseable config.yaml: the gateway exits 78 and s6 holds it down.
    ExecResult broken =
        shell(
            container,
            "hermes",
            "printf 'gateway: [unclosed\\n' > /opt/data/profiles/coder/config.yaml");
    assertThat(broken.code()).as(broken.toString()).isZero();
    hermes(container, "-p", "coder", "gateway", "restart", "--wait");
    awaitGateway(container, "coder", "held down", s -> s.get("actual").asText().equals("failed"));
    awaitHealth(container, "unhealthy");
    assertThat(container.inspect("{{range .State.Health.Log}}{{.Output}}{{end}}"))
        .contains("✗ coder: fatal configuration")
        .contains("Health: unhealthy (1 problem(s))");

    hermesOk(container, "-p", "coder", "gateway", "stop");
    awaitHealth(container, "healthy");
  }

  @Test
  void aGatewayScannerThatIsDownIsUnhealthy() {
    Container container = container(FAST_HEALTH, IDLE);
    bootIdle(container);
    awaitGateway(container, "default", "ready", ContainerTest::ready);
    awaitHealth(container, "healthy");
    assertThat(hermesOk(container, "doctor", "--health")).isEqualTo("Health: healthy\n");

    ExecResult down = shell(container, null, "/command/s6-svc -d /run/service/hermes-gateways");
    assertThat(down.code()).as(down.toString()).isZero();

    awaitHealth(container, "unhealthy");
    ExecResult health = hermes(container, "doctor", "--health");
    assertThat(health.code()).as(health.toString()).isEqualTo(1);
    assertThat(health.out())
        .contains("✗ Gateway scanner: not running (no gateway is supervised)\n")
        .contains("✗ default: desired_state running but the gateway is down\n");
  }

  /** Waits until {@code docker inspect} reports this health status. */
  private static void awaitHealth(Container container, String status) {
    String format = "{{.State.Health.Status}}";
    Waits.until(
        Duration.ofMinutes(2),
        "health " + status,
        () -> container.inspect(format).equals(status) ? Boolean.TRUE : null,
        () ->
            container.inspect(format)
                + "\n"
                + container.inspect("{{range .State.Health.Log}}{{.Output}}{{end}}"));
  }
}

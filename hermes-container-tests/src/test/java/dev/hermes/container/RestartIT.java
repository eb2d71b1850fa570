package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A container restart after a kill (no shutdown at all: {@code docker kill}, then {@code docker
 * start}) is invisible; {@link DockerIT} has {@code docker restart}.
 */
class RestartIT extends ContainerTest {
  @Test
  void runningGatewaysComeBackStoppedOnesStayDownAndStalePidFilesGo() throws IOException {
    Container container = container(RunOptions.defaults(), IDLE);
    Boot first = bootIdle(container);
    alphaRunningBetaStopped(container);
    long alphaBefore = gateway(container, "alpha").get("pid").asLong();
    Path alphaState = container.data().resolve("profiles/alpha/gateway_state.json");
    String alphaStarted = stateFile(alphaState).get("start_time").asText();
    Path beta = container.data().resolve("profiles/beta");
    Files.writeString(beta.resolve("gateway.pid"), "4242\n");
    Files.writeString(beta.resolve("processes.json"), "[]\n");

    first.kill();
    first.awaitExit(BOOT);
    Path alphaPid = container.data().resolve("profiles/alpha/gateway.pid");
    assertThat(Files.readString(alphaPid).trim())
        .as("a killed gateway leaves its pid file")
        .isEqualTo(Long.toString(alphaBefore));

    bootIdle(container);
    JsonNode alpha = awaitGateway(container, "alpha", "ready again", ContainerTest::ready);
    // A new process (its pid may well be the same: a fresh PID namespace, the same boot order).
    assertThat(stateFile(alphaState).get("start_time").asText()).isNotEqualTo(alphaStarted);
    assertThat(Files.readString(alphaPid).trim()).isEqualTo(alpha.get("pid").asText());
    JsonNode betaStatus = gateway(container, "beta");
    assertThat(betaStatus.get("up").asBoolean()).as("%s", betaStatus).isFalse();
    assertThat(betaStatus.get("registered").asBoolean()).isTrue();
    assertThat(beta.resolve("gateway.pid")).doesNotExist();
    assertThat(beta.resolve("processes.json")).doesNotExist();

    List<String> log = Files.readAllLines(container.data().resolve("logs/container-boot.log"));
    assertThat(log).hasSize(4);
    assertThat(log.subList(1, 4))
        .satisfiesExactly(
            line -> assertThat(line).endsWith("profile=default prior_state=none action=registered"),
            line -> assertThat(line).endsWith("profile=alpha prior_state=running action=started"),
            line ->
                assertThat(line).endsWith("profile=beta prior_state=stopped action=registered"));
  }

  @Test
  void theBootstrapStateStartsTheDefaultGatewayOnABlankVolumeOnly() throws IOException {
    Container container =
        container(RunOptions.defaults().withEnv("HERMES_GATEWAY_BOOTSTRAP_STATE", "running"), IDLE);
    Boot first = bootIdle(container);
    awaitGateway(container, "default", "ready on a blank volume", ContainerTest::ready);
    hermesOk(container, "gateway", "stop", "--wait");
    first.stop();
    first.awaitExit(BOOT);

    bootIdle(container);
    JsonNode status = gateway(container, "default");
    assertThat(status.get("up").asBoolean()).as("%s", status).isFalse();
    List<String> log = Files.readAllLines(container.data().resolve("logs/container-boot.log"));
    assertThat(log.get(log.size() - 1))
        .endsWith("profile=default prior_state=stopped action=registered");
  }
}

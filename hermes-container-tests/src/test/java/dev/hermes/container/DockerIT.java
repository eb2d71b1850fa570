package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What only a real engine has: {@code docker restart} (what survives in /run and what does not),
 * {@code docker stop} (a drain, exit code 0) and {@code docker logs} (the gateways' lines).
 */
class DockerIT extends ContainerTest {
  @Test
  void dockerRestartKeepsTheVolumeAndTheGatewaysStateAndRebuildsTheSupervisionTree()
      throws IOException {
    Container container = container(RunOptions.defaults(), IDLE);
    Boot first = bootIdle(container);
    alphaRunningBetaStopped(container);
    Path alphaState = container.data().resolve("profiles/alpha/gateway_state.json");
    String alphaStarted = stateFile(alphaState).get("start_time").asText();
    // Left in the container's own filesystem, in root's and in hermes's scandir.
    ExecResult planted =
        shell(
            container,
            null,
            "touch /run/operator-marker /tmp/operator-marker /opt/data/operator-file"
                + " && mkdir /run/service/.planted /run/hermes/service/.planted"
                + " && readlink /run/s6-rc");
    assertThat(planted.code()).as(planted.toString()).isZero();
    String s6rcBefore = planted.out().trim();

    ExecResult restarted = container.restart();
    assertThat(restarted.code()).as(restarted.toString()).isZero();
    assertThat(first.awaitExit(BOOT)).as("the first boot's exit code").isZero();
    awaitMainProgram(container, container::running, () -> container.logs().toString());

    JsonNode alpha = awaitGateway(container, "alpha", "ready again", ContainerTest::ready);
    assertThat(alpha.get("desired").asText()).isEqualTo("running");
    assertThat(stateFile(alphaState).get("start_time").asText())
        .as("a new alpha gateway")
        .isNotEqualTo(alphaStarted);
    JsonNode beta = gateway(container, "beta");
    assertThat(beta.get("up").asBoolean()).as("beta stays stopped: %s", beta).isFalse();
    assertThat(beta.get("registered").asBoolean()).isTrue();

    // The container's filesystem and the volume stay; s6-overlay's state and the gateway
    // scandir are made fresh.
    ExecResult after =
        shell(
            container,
            null,
            "for f in /run/operator-marker /tmp/operator-marker /opt/data/operator-file"
                + " /run/service/.planted /run/hermes/service/.planted; do"
                + " if [ -e $f ]; then echo \"kept $f\"; else echo \"gone $f\"; fi; done;"
                + " echo \"s6-rc $(readlink /run/s6-rc)\"");
    List<String> lines = after.out().lines().toList();
    assertThat(lines)
        .as(after.toString())
        .hasSize(6)
        .startsWith(
            "kept /run/operator-marker",
            "kept /tmp/operator-marker",
            "kept /opt/data/operator-file",
            "gone /run/service/.planted",
            "gone /run/hermes/service/.planted");
    assertThat(lines.get(5))
        .as("s6-rc's live state, made fresh")
        .isNotEqualTo("s6-rc " + s6rcBefore);
    ExecResult svstat =
        container.exec(null, Map.of(), "/command/s6-svstat", "/run/service/hermes-gateways");
    assertThat(svstat.out()).as(svstat.toString()).startsWith("up ");

    List<String> boots = Files.readAllLines(container.data().resolve("logs/container-boot.log"));
    assertThat(boots.subList(boots.size() - 3, boots.size()))
        .satisfiesExactly(
            line -> assertThat(line).endsWith("profile=default prior_state=none action=registered"),
            line -> assertThat(line).endsWith("profile=alpha prior_state=running action=started"),
            line ->
                assertThat(line).endsWith("profile=beta prior_state=stopped action=registered"));
    ExecResult logs = container.logs();
    assertThat(Pattern.compile("\\[stage2\\] Setup complete").matcher(logs.err()).results())
        .as("docker logs holds both boots")
        .hasSize(2);
    assertThat(logs.out()).as("stdout: the idle main program prints nothing").isEmpty();
  }

  @Test
  void dockerStopDrainsEveryRunningGatewayAndExitsZero() {
    Container container =
        container(RunOptions.defaults().withEnv("HERMES_GATEWAY_BOOTSTRAP_STATE", "running"), IDLE);
    Boot boot = bootIdle(container);
    List<String> profiles = List.of("default", "second", "third");
    for (String profile : profiles.subList(1, profiles.size())) {
      hermesOk(container, "profile", "create", profile);
      hermesOk(container, "-p", profile, "gateway", "start", "--wait");
    }
    awaitGateway(container, "default", "ready", ContainerTest::ready);

    long started = System.nanoTime();
    // docker stop as an operator types it: SIGTERM, SIGKILL after docker's 10 s.
    ExecResult stop = Docker.docker(Duration.ofMinutes(2), "stop", container.name());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(stop.code()).as(stop.toString()).isZero();
    assertThat(boot.awaitExit(BOOT)).as(boot.output()).isZero();
    assertThat(container.inspect("{{.State.ExitCode}} {{.State.OOMKilled}}")).isEqualTo("0 false");
    assertThat(took)
        .as("docker stop, well inside docker's SIGKILL")
        .isLessThan(Duration.ofSeconds(8));
    ExecResult logs = container.logs();
    for (String profile : profiles) {
      Path dir =
          profile.equals("default")
              ? container.data()
              : container.data().resolve("profiles/" + profile);
      JsonNode state = stateFile(dir.resolve("gateway_state.json"));
      assertThat(state.get("gateway_state").asText())
          .as("%s: %s", profile, state)
          .isEqualTo("stopped");
      assertThat(state.get("desired_state").asText())
          .as("a stop of the container is not an operator's stop")
          .isEqualTo("running");
      assertThat(logs.err())
          .as("the drain of %s in docker logs", profile)
          .containsPattern("gateway\\[" + profile + " pid \\d+\\]: info: stopped");
    }
  }

  @Test
  void dockerLogsCarriesTheGatewaysLogLinesOnStderrAndTheVolumeKeepsThem() throws IOException {
    Container container =
        container(RunOptions.defaults().withEnv("HERMES_GATEWAY_BOOTSTRAP_STATE", "running"), IDLE);
    bootIdle(container);
    JsonNode status = awaitGateway(container, "default", "ready", ContainerTest::ready);
    String ready = "gateway[default pid " + status.get("pid").asText() + "]: info: ready";

    ExecResult logs =
        Waits.until(
            BOOT,
            "the gateway's ready line in docker logs",
            () -> {
              ExecResult r = container.logs();
              return r.err().contains(ready) ? r : null;
            },
            () -> container.logs().toString());
    assertThat(logs.out()).as("stdout is the main program's alone").isEmpty();
    assertThat(Files.readString(container.data().resolve("logs/gateways/default/current")))
        .as("s6-log's file on the volume")
        .contains(ready);
  }
}

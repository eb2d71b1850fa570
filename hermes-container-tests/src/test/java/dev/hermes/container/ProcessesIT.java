package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** PID 1's duties: reaping orphans, and a clean stop of everything on SIGTERM. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class ProcessesIT extends ContainerTest {
  ProcessesIT(Engine engine) {
    super(engine);
  }

  @Test
  void anOrphanedChildIsReapedByPid1() {
    String script =
        "sh -c 'sleep 1 & echo $! >/tmp/orphan'; pid=$(cat /tmp/orphan);"
            + " echo \"orphan $pid ppid $(sed -n 's/^PPid:[[:space:]]*//p' /proc/$pid/status)\";"
            + " n=0; while [ -e /proc/$pid ]; do n=$((n + 1));"
            + " if [ $n -gt 600 ]; then echo \"not reaped: $(sed -n 's/^State:[[:space:]]*//p'"
            + " /proc/$pid/status)\"; exit 1; fi; sleep 0.05; done; echo reaped";
    Outcome run = runToExit(RunOptions.defaults(), "sh", "-c", script);

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("orphan \\d+ ppid 1\\b").contains("reaped");
  }

  @Test
  void sigtermStopsEveryGatewayCleanlyWithinFiveSeconds() {
    Container container =
        container(RunOptions.defaults().withEnv("HERMES_GATEWAY_BOOTSTRAP_STATE", "running"), IDLE);
    Boot boot = bootIdle(container);
    hermesOk(container, "profile", "create", "second");
    hermesOk(container, "-p", "second", "gateway", "start", "--wait");
    awaitGateway(container, "default", "ready", ContainerTest::ready);

    long started = System.nanoTime();
    boot.stop();
    boot.awaitExit(BOOT);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).as("docker stop to exit").isLessThan(Duration.ofSeconds(5));
    assertThat(
            stateFile(container.data().resolve("gateway_state.json")).get("gateway_state").asText())
        .isEqualTo("stopped");
    assertThat(
            stateFile(container.data().resolve("profiles/second/gateway_state.json"))
                .get("gateway_state")
                .asText())
        .isEqualTo("stopped");
    assertThat(boot.output()).contains("gateway[second pid").contains("info: stopped");
  }
}

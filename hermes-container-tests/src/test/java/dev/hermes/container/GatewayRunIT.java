package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code docker run IMAGE gateway run}: supervised by default, in the foreground on request. */
class GatewayRunIT extends ContainerTest {
  static final String GATEWAY_CACHE = "/opt/hermes/cache/hermes-gateway-";

  @Test
  void gatewayRunAsTheMainCommandHandsOverToTheSupervisedDefaultSlot() {
    Container container = container(RunOptions.defaults(), "gateway", "run");
    Boot boot = container.boot();

    JsonNode status = awaitGateway(container, "default", "ready", ContainerTest::ready);

    Waits.until(
        BOOT,
        "the hand-over message",
        () -> boot.err().contains("→ gateway is now running under s6 supervision") ? true : null,
        boot::output);
    assertThat(boot.out()).as("stdout").doesNotContain("s6 supervision");
    List<String> gateways = gatewayProcesses(container);
    assertThat(gateways)
        .as("processes serving the gateway")
        .filteredOn(line -> line.contains("gateway run --replace"))
        .hasSize(1)
        .allSatisfy(line -> assertThat(line).startsWith(status.get("pid").asText() + " "))
        // The gateway runs as hermes, which cannot write the cache directory: its class-data
        // cache must come from the image build.
        .allSatisfy(line -> assertThat(line).contains(GATEWAY_CACHE));
    assertThat(
            stateFile(container.data().resolve("gateway_state.json")).get("desired_state").asText())
        .isEqualTo("running");

    boot.stop();
    assertThat(boot.awaitExit(BOOT)).as(boot.output()).isZero();
  }

  @Test
  void noSuperviseRunsTheGatewayInTheForeground() {
    assertRunsInTheForeground(container(RunOptions.defaults(), "gateway", "run", "--no-supervise"));
  }

  @Test
  void theNoSuperviseVariableRunsTheGatewayInTheForeground() {
    assertRunsInTheForeground(
        container(
            RunOptions.defaults().withEnv("HERMES_GATEWAY_NO_SUPERVISE", "1"), "gateway", "run"));
  }

  private void assertRunsInTheForeground(Container container) {
    Boot boot = container.boot();
    JsonNode state =
        Waits.until(
            BOOT,
            "the foreground gateway running",
            () -> {
              if (!boot.running()) {
                throw new AssertionError("exited:\n" + boot.output());
              }
              var file = container.data().resolve("gateway_state.json");
              if (!java.nio.file.Files.exists(file)) {
                return null;
              }
              JsonNode s = stateFile(file);
              return "running".equals(s.path("gateway_state").asText()) ? s : null;
            },
            boot::output);

    assertThat(boot.out() + boot.err()).doesNotContain("now running under s6 supervision");
    JsonNode slot = gateway(container, "default");
    assertThat(slot.get("up").asBoolean()).as("the supervised slot stays down: %s", slot).isFalse();
    String pid = state.get("pid").asText();
    List<String> gateways = gatewayProcesses(container);
    assertThat(gateways).hasSize(1).allSatisfy(line -> assertThat(line).startsWith(pid + " "));
    ExecResult parent =
        shell(
            container,
            null,
            "ppid=$(sed -n 's/^PPid:[[:space:]]*//p' /proc/"
                + pid
                + "/status); cat /proc/$ppid/comm");
    assertThat(parent.out().trim()).as("the gateway's parent").isNotEqualTo("s6-supervise");

    boot.stop();
    assertThat(boot.awaitExit(BOOT)).as(boot.output()).isZero();
    assertThat(
            stateFile(container.data().resolve("gateway_state.json")).get("gateway_state").asText())
        .isEqualTo("stopped");
  }

  /** "PID command line" of every hermes JVM running {@code gateway run}. */
  static List<String> gatewayProcesses(Container container) {
    ExecResult r =
        shell(
            container,
            null,
            "for d in /proc/[0-9]*; do c=$(tr '\\0' ' ' < $d/cmdline 2>/dev/null) || continue;"
                + " case $c in *dev.hermes.cli.Main*gateway\\ run*) echo \"${d#/proc/} $c\";;"
                + " esac; done");
    assertThat(r.code()).as(r.toString()).isZero();
    return Arrays.stream(r.out().split("\n")).filter(l -> !l.isBlank()).toList();
  }
}

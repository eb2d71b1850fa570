package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profile gateways managed through {@code docker exec}, as the hermes user, without root. */
class ProfilesIT extends ContainerTest {
  @Test
  void aProfileGatewayIsCreatedDownStartedStoppedAndDeletedWithoutRoot() {
    Container container = container(RunOptions.defaults(), IDLE);
    bootIdle(container);

    assertThat(hermesOk(container, "profile", "create", "coder"))
        .startsWith("✓ Created profile 'coder'");
    JsonNode created = gateway(container, "coder");
    assertThat(created.get("registered").asBoolean()).as("%s", created).isTrue();
    assertThat(created.get("up").asBoolean()).as("%s", created).isFalse();
    assertThat(shell(container, "hermes", "test -e /run/hermes/service/gateway-coder/down").ok())
        .as("the slot is registered down")
        .isTrue();

    assertThat(hermesOk(container, "-p", "coder", "gateway", "start", "--wait"))
        .startsWith("✓ Started gateway-coder: ready, PID ");
    JsonNode started = gateway(container, "coder");
    ExecResult uid =
        shell(
            container,
            null,
            "sed -n 's/^Uid:[[:space:]]*\\([0-9]*\\).*/\\1/p' /proc/"
                + started.get("pid").asText()
                + "/status");
    assertThat(uid.out().trim()).as("the gateway's user").isEqualTo(HERMES_UID);

    assertThat(hermesOk(container, "-p", "coder", "gateway", "stop", "--wait"))
        .isEqualTo("✓ Stopped gateway-coder: down\n");
    assertThat(hermesOk(container, "profile", "delete", "coder", "--yes"))
        .contains("Deleted profile 'coder'");
    assertThat(shell(container, "hermes", "test -e /run/hermes/service/gateway-coder").ok())
        .as("the slot is gone")
        .isFalse();
    assertThat(container.data().resolve("profiles/coder")).doesNotExist();
  }

  @Test
  void theGatewayScannerRunsAsHermesAndSupervisesEverySlot() {
    Container container = container(RunOptions.defaults(), IDLE);
    bootIdle(container);
    hermesOk(container, "profile", "create", "coder");

    ExecResult svstat =
        container.exec(
            null,
            Map.of(),
            "/command/s6-svstat",
            "-o",
            "up,ready,pid",
            "/run/service/hermes-gateways");
    assertThat(svstat.out()).as(svstat.toString()).matches("true true \\d+\n");
    String pid = svstat.out().trim().split(" ")[2];
    ExecResult scanner =
        shell(
            container,
            null,
            "cat /proc/"
                + pid
                + "/comm; sed -n 's/^Uid:[[:space:]]*\\([0-9]*\\).*/\\1/p' /proc/"
                + pid
                + "/status; tr '\\0' ' ' </proc/"
                + pid
                + "/cmdline");
    assertThat(scanner.out().lines().toList())
        .as(scanner.toString())
        .containsExactly(
            "s6-svscan", HERMES_UID, "/command/s6-svscan -C 2000 /run/hermes/service ");
    for (String slot : List.of("gateway-default", "gateway-coder")) {
      ExecResult ok =
          container.exec("hermes", Map.of(), "/command/s6-svok", "/run/hermes/service/" + slot);
      assertThat(ok.code()).as("%s is supervised: %s", slot, ok).isZero();
    }
  }

  @Test
  void aRootExecOfHermesRunsAsHermesUnlessToldOtherwise() {
    Container container = container(RunOptions.defaults(), IDLE);
    bootIdle(container);

    ExecResult asRoot = container.exec(null, Map.of(), "hermes", "profile", "create", "byroot");
    assertThat(asRoot.code()).as(asRoot.toString()).isZero();
    assertThat(owner(container.data().resolve("profiles/byroot/config.yaml")))
        .as("a file written by a root exec of hermes")
        .isEqualTo(Integer.parseInt(HERMES_UID));

    ExecResult optOut =
        container.exec(
            null,
            Map.of("HERMES_DOCKER_EXEC_AS_ROOT", "1"),
            "hermes",
            "profile",
            "create",
            "keptroot");
    assertThat(optOut.code()).as(optOut.toString()).isZero();
    assertThat(owner(container.data().resolve("profiles/keptroot/config.yaml")))
        .as("with HERMES_DOCKER_EXEC_AS_ROOT=1")
        .isZero();
  }
}

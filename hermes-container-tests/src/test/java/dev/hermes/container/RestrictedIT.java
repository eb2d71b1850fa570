package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes' restricted pod profile, as docker run flags: the hermes UID, a read-only root, no
 * capabilities, tmpfs for /run and /tmp. The supervision tree, the boot reconciliation and the
 * gateways all run as hermes there, so nothing of them needs root.
 */
class RestrictedIT extends ContainerTest {
  private static final int UID = Integer.parseInt(HERMES_UID);
  private static final String HERMES = HERMES_UID + ":" + HERMES_UID;

  /** docs/container.md's docker flags for the restricted profile. */
  private static RunOptions restricted() {
    return RunOptions.defaults()
        .withUser(HERMES)
        .withFlags(
            "--read-only",
            "--cap-drop",
            "ALL",
            "--tmpfs",
            "/run:exec,uid=" + UID + ",gid=" + UID,
            "--tmpfs",
            "/tmp:uid=" + UID + ",gid=" + UID);
  }

  @Test
  void aReadOnlyContainerWithoutCapabilitiesSupervisesGateways() throws IOException {
    Container container =
        container(restricted().withEnv("HERMES_GATEWAY_BOOTSTRAP_STATE", "running"), IDLE);
    ownedByHermes(container.data());
    bootIdle(container);

    awaitGateway(container, "default", "ready", ContainerTest::ready);
    hermesOk(container, "profile", "create", "coder");
    hermesOk(container, "-p", "coder", "gateway", "start", "--wait");
    JsonNode coder = awaitGateway(container, "coder", "ready", ContainerTest::ready);
    assertThat(coder.get("pid").asLong()).isPositive();
    assertThat(shell(container, null, "id -u").out().trim())
        .as("docker exec runs as the container's user")
        .isEqualTo(HERMES_UID);
    assertThat(shell(container, null, "stat -c %u /proc/1").out().trim())
        .as("PID 1 (s6-svscan) runs as hermes")
        .isEqualTo(HERMES_UID);
    assertThat(shell(container, null, "touch /opt/hermes/x").ok())
        .as("the root filesystem is read-only")
        .isFalse();
  }

  @Test
  void aKubernetesEmptyDirRunWorksWhenTheImageIsToldToAcceptIt() throws IOException {
    // An emptyDir for /run: root-owned, group fsGroup with setgid, world-writable.
    Path run = scratch.resolve("run-emptydir");
    Files.createDirectories(run);
    Files.setAttribute(run, "unix:gid", UID);
    assertThat(
            Processes.run(
                    List.of("chmod", "2777", run.toString()), Map.of(), Duration.ofSeconds(10))
                .ok())
        .isTrue();
    Container container =
        container(
            RunOptions.defaults()
                .withUser(HERMES)
                .withEnv("S6_YES_I_WANT_A_WORLD_WRITABLE_RUN_BECAUSE_KUBERNETES", "1")
                .withEnv("HERMES_GATEWAY_BOOTSTRAP_STATE", "running")
                .withFlags(
                    "--read-only",
                    "--cap-drop",
                    "ALL",
                    "--security-opt",
                    "no-new-privileges",
                    "--group-add",
                    HERMES_UID,
                    "-v",
                    run + ":/run",
                    "--tmpfs",
                    "/tmp:uid=" + UID + ",gid=" + UID),
            IDLE);
    ownedByHermes(container.data());
    bootIdle(container);

    assertThat(
            awaitGateway(container, "default", "ready", ContainerTest::ready).get("pid").asLong())
        .isPositive();
  }

  @Test
  void aNoexecRunStopsTheBootAtOnceSayingSo() throws IOException {
    // docker's plain --tmpfs is noexec; s6-overlay runs its stage 1 from /run.
    Container container =
        container(
            RunOptions.defaults()
                .withUser(HERMES)
                .withFlags(
                    "--read-only", "--cap-drop", "ALL", "--tmpfs", "/run", "--tmpfs", "/tmp"),
            "--version");
    ownedByHermes(container.data());

    Outcome run = runToExit(container);

    assertThat(run.code()).as(run.output()).isNotZero();
    assertThat(run.out()).as(run.output()).isEmpty();
    assertThat(run.err()).as(run.output()).contains("/run");
  }

  private static void ownedByHermes(Path data) throws IOException {
    // A named volume is initialised from the image's /opt/data (hermes's); this one is a host
    // directory, as a PersistentVolume with fsGroup would be.
    Files.setAttribute(data, "unix:uid", UID);
    Files.setAttribute(data, "unix:gid", UID);
  }
}

package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.core.Profile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateways as separate JVMs, because what is tested belongs to a process: signals, inherited
 * descriptors, and two instances competing for one profile.
 */
class GatewayProcessIT {
  private static final Duration STARTUP = Duration.ofSeconds(30);

  @TempDir Path root;

  private Profile profile(int port) {
    return TestProfiles.create(root, "coder", TestProfiles.gatewayConfig(port));
  }

  private static void awaitRunning(Profile profile, GatewayProcess gateway) {
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!gateway.process().isAlive()) {
                throw new AssertionError("gateway exited early:\n" + gateway.output());
              }
              Map<String, Object> state = TestProfiles.state(profile);
              return "running".equals(state.get("gateway_state"))
                  && String.valueOf(gateway.pid()).equals(String.valueOf(state.get("pid")));
            });
  }

  @Test
  void sigtermDrainsAndExitsZeroWithStateStoppedAndNoPidFile() throws Exception {
    int port = TestProfiles.freePort();
    Profile profile = profile(port);
    try (GatewayProcess gateway = GatewayProcess.start(profile, root.resolve("logs"))) {
      awaitRunning(profile, gateway);
      assertThat(new GatewayClient(port).get("/health").status()).isEqualTo(200);
      assertThat(profile.pidFile()).hasContent(String.valueOf(gateway.pid()));

      gateway.process().toHandle().destroy();

      assertThat(gateway.exitCode(20)).as(gateway.output()).isEqualTo(0);
      assertThat(TestProfiles.state(profile)).containsEntry("gateway_state", "stopped");
      assertThat(profile.pidFile()).doesNotExist();
      assertThat(gateway.stdout())
          .contains("gateway[coder pid " + gateway.pid() + "]: info: received SIGTERM: stopping")
          .contains("]: info: stopped");
    }
  }

  @Test
  void sigintAlsoExitsZero() throws Exception {
    int port = TestProfiles.freePort();
    Profile profile = profile(port);
    try (GatewayProcess gateway = GatewayProcess.start(profile, root.resolve("logs"))) {
      awaitRunning(profile, gateway);

      Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(gateway.pid())).start();

      assertThat(kill.waitFor()).isZero();
      assertThat(gateway.exitCode(20)).as(gateway.output()).isEqualTo(0);
      assertThat(TestProfiles.state(profile)).containsEntry("gateway_state", "stopped");
    }
  }

  @Test
  void readinessIsOneNewlineOnTheNotifyDescriptor() throws Exception {
    int port = TestProfiles.freePort();
    Profile profile = profile(port);
    Path notify = root.resolve("notify");
    try (GatewayProcess gateway =
        GatewayProcess.startWithNotifyFd(profile, root.resolve("logs"), notify)) {
      awaitRunning(profile, gateway);
      await().atMost(STARTUP).until(() -> Files.size(notify) > 0);
      // Still serving, and nothing more was written after readiness.
      assertThat(new GatewayClient(port).get("/status").status()).isEqualTo(200);

      gateway.process().toHandle().destroy();

      assertThat(gateway.exitCode(20)).as(gateway.output()).isEqualTo(0);
      assertThat(Files.readString(notify)).isEqualTo("\n");
    }
  }

  @Test
  void aSecondInstanceIsRefusedWithTheRunningPid() throws Exception {
    int port = TestProfiles.freePort();
    Profile profile = profile(port);
    try (GatewayProcess first = GatewayProcess.start(profile, root.resolve("logs"))) {
      awaitRunning(profile, first);

      try (GatewayProcess second = GatewayProcess.start(profile, root.resolve("logs"))) {
        assertThat(second.exitCode(30)).as(second.output()).isEqualTo(1);
        assertThat(second.stderr()).contains("gateway already running (PID " + first.pid() + ")");
      }

      // The refused instance touched nothing the running one owns.
      assertThat(first.process().isAlive()).isTrue();
      assertThat(profile.pidFile()).hasContent(String.valueOf(first.pid()));
      assertThat(TestProfiles.state(profile)).containsEntry("gateway_state", "running");
      assertThat(String.valueOf(TestProfiles.state(profile).get("pid")))
          .isEqualTo(String.valueOf(first.pid()));
    }
  }

  @Test
  void replaceStopsTheRunningGatewayAndTakesOver() throws Exception {
    int port = TestProfiles.freePort();
    Profile profile = profile(port);
    try (GatewayProcess first = GatewayProcess.start(profile, root.resolve("logs"))) {
      awaitRunning(profile, first);

      try (GatewayProcess second =
          GatewayProcess.start(profile, root.resolve("logs"), "--replace")) {
        assertThat(first.exitCode(30)).as(first.output()).isEqualTo(0);
        awaitRunning(profile, second);

        assertThat(profile.pidFile()).hasContent(String.valueOf(second.pid()));
        String status = new GatewayClient(port).get("/status").body();
        assertThat(status).contains("\"pid\":" + second.pid());
        assertThat(second.stdout()).contains("replacing the running gateway (PID " + first.pid());

        second.process().toHandle().destroy();
        assertThat(second.exitCode(20)).isEqualTo(0);
      }
    }
  }

  @Test
  void aStalePidFileWithoutALockIsReplaced() throws Exception {
    int port = TestProfiles.freePort();
    Profile profile = profile(port);
    Files.writeString(profile.pidFile(), "999999\n");
    try (GatewayProcess gateway = GatewayProcess.start(profile, root.resolve("logs"))) {
      awaitRunning(profile, gateway);

      assertThat(profile.pidFile()).hasContent(String.valueOf(gateway.pid()));
      assertThat(gateway.stdout()).contains("removing stale gateway.pid (PID 999999)");
    }
  }

  @Test
  void aPortHeldByAnotherProgramExits78WithTheReason() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = squatter.getLocalPort();
      Profile profile = profile(port);

      try (GatewayProcess gateway = GatewayProcess.start(profile, root.resolve("logs"))) {
        assertThat(gateway.exitCode(30)).as(gateway.output()).isEqualTo(78);
      }

      assertThat(TestProfiles.state(profile))
          .containsEntry("gateway_state", "startup_failed")
          .containsEntry(
              "exit_reason",
              "fatal configuration: port " + port + " on 127.0.0.1 is in use by another program");
      assertThat(profile.pidFile()).doesNotExist();
    }
  }
}

package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.Profile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configurations the gateway cannot run with: it exits 78 and says why in its state file. */
class GatewayRunnerStartupFailureTest {
  @TempDir Path root;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private int run(Profile profile) {
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new GatewayRunner().run(profile, InProcessGateway.options(stream, stream));
  }

  @Test
  void badYamlExits78WithStartupFailedAndTheReason() {
    Profile profile = TestProfiles.create(root, "coder", "gateway: [unclosed\n");

    int code = run(profile);

    assertThat(code).isEqualTo(GatewayExitCodes.FATAL_CONFIGURATION);
    Map<String, Object> state = TestProfiles.state(profile);
    assertThat(state).containsEntry("gateway_state", "startup_failed");
    assertThat((String) state.get("exit_reason"))
        .startsWith("fatal configuration: invalid YAML in ")
        .doesNotContain("\n");
    assertThat(state).containsKeys("pid", "start_time", "updated_at", "version");
    assertThat(state).doesNotContainKey("desired_state");
  }

  @Test
  void anInvalidModelUrlExits78() {
    int port = TestProfiles.freePort();
    Profile profile =
        TestProfiles.create(
            root,
            "coder",
            TestProfiles.gatewayConfig(port) + "model:\n  base_url: ftp://nowhere\n  name: m\n");

    assertThat(run(profile)).isEqualTo(GatewayExitCodes.FATAL_CONFIGURATION);
    assertThat((String) TestProfiles.state(profile).get("exit_reason"))
        .startsWith("fatal configuration: model.base_url 'ftp://nowhere'");
  }

  @Test
  void aMissingPortExits78() {
    Profile profile = TestProfiles.create(root, "coder", "gateway:\n  host: 127.0.0.1\n");

    assertThat(run(profile)).isEqualTo(GatewayExitCodes.FATAL_CONFIGURATION);
    assertThat(TestProfiles.state(profile))
        .containsEntry("gateway_state", "startup_failed")
        .hasEntrySatisfying(
            "exit_reason", reason -> assertThat((String) reason).contains("gateway.port"));
  }

  @Test
  void aFailedStartLeavesNoPidFileAndTheLockFree() throws Exception {
    Profile profile = TestProfiles.create(root, "coder", "gateway: [unclosed\n");

    run(profile);

    assertThat(profile.pidFile()).doesNotExist();
    try (var channel =
            java.nio.channels.FileChannel.open(
                profile.lockFile(), java.nio.file.StandardOpenOption.WRITE);
        var lock = channel.tryLock()) {
      assertThat(lock).isNotNull();
    }
  }

  @Test
  void theFailureIsLoggedAsOneLineWithProfileAndPid() {
    Profile profile = TestProfiles.create(root, "coder", "gateway: [unclosed\n");

    run(profile);

    long pid = ProcessHandle.current().pid();
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("gateway[coder pid " + pid + "]: error: fatal configuration:"));
  }

  @Test
  void aPreviousDesiredStateIsLeftAlone() throws Exception {
    Profile profile = TestProfiles.create(root, "coder", "gateway: [unclosed\n");
    Files.writeString(profile.stateFile(), "{\"desired_state\":\"running\"}\n");

    run(profile);

    assertThat(TestProfiles.state(profile)).containsEntry("desired_state", "running");
  }

  @Test
  void aLinkedEnvExits78WithTheReasonBeforeBinding() throws Exception {
    // The port is held, so a gateway that read through the link would still stop (port in use)
    // instead of serving, but with another reason.
    try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Profile profile =
          TestProfiles.create(root, "coder", TestProfiles.gatewayConfig(held.getLocalPort()));
      Path secret = Files.writeString(root.resolve("root-only"), "MODEL_API_KEY=not-yours\n");
      Files.createSymbolicLink(profile.envFile(), secret);

      assertThat(run(profile)).isEqualTo(GatewayExitCodes.FATAL_CONFIGURATION);
      assertThat((String) TestProfiles.state(profile).get("exit_reason"))
          .isEqualTo(
              "fatal configuration: "
                  + profile.envFile()
                  + " is a symbolic link; hermes does not follow links in HERMES_HOME");
    }
  }

  @Test
  void aDanglingLinkAtGatewayLockIsARefusedStartThatCreatesNothingAtItsTarget() throws Exception {
    // Invalid YAML: a gateway that took the lock through the link would stop at the config.
    Profile profile = TestProfiles.create(root, "coder", "gateway: [unclosed\n");
    Path target = Files.createDirectories(root.resolve("elsewhere")).resolve("planted.lock");
    Files.createSymbolicLink(profile.lockFile(), target);

    assertThat(run(profile)).isEqualTo(GatewayExitCodes.FAILURE);
    assertThat(target).doesNotExist();
    assertThat(profile.pidFile()).doesNotExist();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "error: could not take gateway.lock: "
                + profile.lockFile()
                + " is a symbolic link; hermes does not follow links in HERMES_HOME");
  }
}

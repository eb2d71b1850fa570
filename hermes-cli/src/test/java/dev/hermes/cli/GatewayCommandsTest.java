package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.core.HermesHome;
import dev.hermes.supervision.testing.FakeServiceManager;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway subcommands as command objects, over a temporary HERMES_HOME and a fake manager. */
class GatewayCommandsTest {
  @TempDir Path home;

  @BeforeEach
  void profiles() {
    for (String p : new String[] {"alpha", "beta"}) {
      assertThat(CliRun.run(home, "profile", "create", p).code()).isZero();
    }
  }

  private String desired(String profile) {
    return new HermesHome(home).profile(profile).state().text("desired_state").orElse("(none)");
  }

  @Test
  void startRecordsDesiredStateAndSaysSo() {
    FakeServiceManager manager = FakeServiceManager.local().down("alpha").acceptLifecycle();

    CliRun r = CliRun.run(home, manager, "-p", "alpha", "gateway", "start");

    assertThat(r.code()).isZero();
    // What the supervisor made of it, not a bare "started".
    assertThat(r.out()).isEqualTo("✓ Started gateway-alpha: ready, PID 4242\n");
    assertThat(manager.actions()).containsExactly("start alpha");
    assertThat(desired("alpha")).isEqualTo("running");
    assertThat(desired("beta")).isEqualTo("(none)");
  }

  @Test
  void waitReportsTheReadyPid() {
    FakeServiceManager manager = FakeServiceManager.local().down("alpha").acceptLifecycle();

    CliRun r = CliRun.run(home, manager, "-p", "alpha", "gateway", "restart", "--wait");

    assertThat(r.out()).isEqualTo("✓ Restarted gateway-alpha: ready, PID 4242\n");
  }

  @Test
  void stopAllReportsEachFailureAndTheCountOfTheRest() {
    FakeServiceManager manager =
        FakeServiceManager.local().up("alpha", "beta", "default").acceptLifecycle("beta");

    CliRun r = CliRun.run(home, manager, "gateway", "stop", "--all");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            "✗ Could not stop gateway-beta: the supervisor refused to stop gateway-beta\n"
                + "✓ Stopped 2 profile gateway(s)\n");
    assertThat(manager.actions()).containsExactly("stop alpha", "stop default");
    assertThat(desired("alpha")).isEqualTo("stopped");
    assertThat(desired("beta")).isEqualTo("(none)");
  }

  @Test
  void restartAllLeavesTheGatewaysMeantToBeStoppedAlone() {
    new HermesHome(home)
        .profile("alpha")
        .state()
        .merge(java.util.Map.of("desired_state", "running"));
    new HermesHome(home)
        .profile("beta")
        .state()
        .merge(java.util.Map.of("desired_state", "stopped"));
    // default has no desired_state: its last report decides, as at boot.
    new HermesHome(home)
        .profile("default")
        .state()
        .merge(java.util.Map.of("gateway_state", "running"));
    FakeServiceManager manager =
        FakeServiceManager.local().up("alpha", "default").down("beta").acceptLifecycle();

    CliRun r = CliRun.run(home, manager, "gateway", "restart", "--all");

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("✓ Restarted 2 profile gateway(s)\n");
    assertThat(manager.actions()).containsExactly("restart alpha", "restart default");
    assertThat(desired("beta")).isEqualTo("stopped");
  }

  @Test
  void restartAllWithEveryGatewayStoppedRestartsNothing() {
    new HermesHome(home)
        .profile("alpha")
        .state()
        .merge(java.util.Map.of("desired_state", "stopped"));
    FakeServiceManager manager = FakeServiceManager.local().down("alpha").acceptLifecycle();

    CliRun r = CliRun.run(home, manager, "gateway", "restart", "--all");

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("✓ No gateway is meant to be running: nothing to restart\n");
    assertThat(manager.actions()).isEmpty();
  }

  @Test
  void aStartThatTheSupervisorHoldsAgainFailsWithTheReason() {
    FakeServiceManager manager =
        FakeServiceManager.local()
            .keepsFailing("alpha", "fatal configuration: port 9 is in use")
            .acceptLifecycle();

    CliRun r = CliRun.run(home, manager, "-p", "alpha", "gateway", "start");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "hermes: error: gateway-alpha is held down again: failed: fatal configuration: port 9"
                + " is in use\n");
    assertThat(desired("alpha")).isEqualTo("running");
  }

  @Test
  void allWithNothingRegistered() {
    CliRun r =
        CliRun.run(home, FakeServiceManager.local().acceptLifecycle(), "gateway", "start", "--all");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("✗ No profile gateways registered\n");
  }

  @Test
  void aTimeoutBelowOneSecondIsBadUsage() {
    CliRun r =
        CliRun.run(
            home, FakeServiceManager.local(), "gateway", "start", "--wait", "--timeout", "0");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("hermes: error: --timeout must be at least 1 second, got 0\n");
  }

  @Test
  void aHeldDownGatewayEndsTheWaitWithItsReason() {
    FakeServiceManager manager =
        FakeServiceManager.local()
            .keepsFailing("alpha", "crash loop (5 exits in 9s, last: exit 1)")
            .acceptLifecycle();

    CliRun r = CliRun.run(home, manager, "-p", "alpha", "gateway", "start", "--wait");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "hermes: error: gateway-alpha is held down: crash loop (5 exits in 9s, last: exit 1)\n");
  }

  @Test
  void statusTableAndJson() throws Exception {
    FakeServiceManager manager =
        FakeServiceManager.local()
            .up("default")
            .heldDown("alpha", "crash loop (5 exits in 9s, last: exit 1)");

    CliRun table = CliRun.run(home, manager, "gateway", "status", "--all");
    assertThat(table.out().lines().toList())
        .hasSize(4)
        .first()
        .isEqualTo("PROFILE  DESIRED  ACTUAL      PID   UPTIME  RESTARTS  PORT  LAST EXIT  REASON");
    assertThat(table.out())
        .containsPattern("default +- +ready +4242 +30s +0 +\\d+ +- +-")
        // Five exits counted by the supervisor: it ran, even with no state file of its own.
        .containsPattern(
            "alpha +- +crash-loop +- +- +5 +\\d+ +exit 1 +crash loop \\(5 exits in 9s, last: exit"
                + " 1\\)")
        .containsPattern("beta +- +down +- +- +0 +\\d+ +- +-\n");

    // Once it has run, a clean stop shows as the last exit.
    new HermesHome(home)
        .profile("beta")
        .state()
        .merge(java.util.Map.of("gateway_state", "stopped"));
    assertThat(CliRun.run(home, manager, "gateway", "status", "--all").out())
        .containsPattern("beta +- +down +- +- +0 +\\d+ +exit 0 +-");

    CliRun json = CliRun.run(home, manager, "-p", "alpha", "gateway", "status", "--json");
    JsonNode rows = new ObjectMapper().readTree(json.out());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("actual").asText()).isEqualTo("crash-loop");
    assertThat(rows.get(0).get("uptime_seconds").asLong()).isEqualTo(-1);
    assertThat(rows.get(0).get("reason").asText()).startsWith("crash loop");
    assertThat(rows.get(0).get("hold_reason").asText()).isEqualTo("crash-loop");
    assertThat(rows.get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "profile",
            "desired",
            "actual",
            "reason",
            "hold_reason",
            "registered",
            "up",
            "ready",
            "pid",
            "uptime_seconds",
            "restarts",
            "port",
            "last_exit",
            "backoff_seconds",
            "config_error",
            "last_death",
            "log_lines_dropped");
    assertThat(rows.get(0).get("config_error").isNull()).isTrue();
    assertThat(rows.get(0).get("last_death").get("cause").asText()).isEqualTo("exit-code");
    assertThat(rows.get(0).get("last_death").get("detail").asText()).isEqualTo("exit 1");
  }

  @Test
  void statusOfAnUnknownProfile() {
    CliRun r = CliRun.run(home, FakeServiceManager.local(), "-p", "ghost", "gateway", "status");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "hermes: error: no such profile 'ghost': create it with 'hermes profile create ghost'\n");
  }

  @Test
  void installUnderS6ExplainsThatThereIsNothingToDo() {
    CliRun r = CliRun.run(home, FakeServiceManager.local(), "gateway", "install");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("Nothing to install under s6 (hermes up, ")
        .endsWith(
            "'hermes profile create' registers each gateway and 'hermes profile delete'"
                + " unregisters it.\n");
  }

  @Test
  void withoutAServiceManagerLifecycleSaysHowToRunTheGateway() {
    CliRun r = CliRun.run(home, "-p", "alpha", "gateway", "start");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("hermes: error: no service manager on this host");
  }
}

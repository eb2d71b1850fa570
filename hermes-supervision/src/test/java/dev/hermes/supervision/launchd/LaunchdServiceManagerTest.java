package dev.hermes.supervision.launchd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.HermesHome;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.RecordingRunner;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.SupervisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchdServiceManagerTest {
  private static final String TARGET = "gui/501/dev.hermes.gateway.work";

  @TempDir Path tmp;
  private RecordingRunner runner;
  private Path agents;
  private HermesHome home;
  private LaunchdServiceManager manager;

  @BeforeEach
  void setUp() {
    runner = new RecordingRunner();
    agents = tmp.resolve("LaunchAgents");
    home = new HermesHome(tmp.resolve("home"));
    manager =
        new LaunchdServiceManager(runner, home, List.of("/opt/hermes/bin/hermes"), agents, "501");
  }

  private Path plist() {
    return agents.resolve("dev.hermes.gateway.work.plist");
  }

  @Test
  void describesItselfAsLaunchdUserAgentsWithoutRuntimeRegistration() {
    assertThat(manager.kind()).isEqualTo(ServiceManagerKind.LAUNCHD);
    assertThat(manager.describe()).isEqualTo("launchd (user agents)");
    assertThat(manager.supportsRuntimeRegistration()).isFalse();
    assertThatThrownBy(() -> manager.register("work", false))
        .hasMessage("runtime registration needs the s6 supervisor (container or 'hermes up')");
  }

  @Test
  void installWritesThePlistThenBootstrapsItIntoTheGuiDomain() throws Exception {
    manager.install("work");

    assertThat(plist()).isRegularFile();
    assertThat(Files.readString(plist())).contains("<string>dev.hermes.gateway.work</string>");
    assertThat(home.gatewayLogsDir().resolve("work")).isDirectory();
    assertThat(runner.lines()).containsExactly("launchctl bootstrap gui/501 " + plist());
  }

  @Test
  void reinstallingBootsTheOldDefinitionOutFirst() {
    manager.install("work");
    runner.clear();

    manager.install("work");

    assertThat(runner.lines())
        .containsExactly("launchctl bootout " + TARGET, "launchctl bootstrap gui/501 " + plist());
  }

  @Test
  void aFailedBootstrapRemovesTheFreshPlistAndReportsTheError() {
    runner.fail(
        "launchctl bootstrap gui/501 " + plist(), 5, "Bootstrap failed: 5: Input/output error");

    assertThatThrownBy(() -> manager.install("work"))
        .isInstanceOf(SupervisionException.class)
        .hasMessage(
            "launchctl bootstrap on 'dev.hermes.gateway.work' failed (rc=5): Bootstrap failed: 5:"
                + " Input/output error");
    assertThat(plist()).doesNotExist();
  }

  @Test
  void startRestartAndStopUseKickstartAndKill() {
    manager.install("work");
    runner.clear();

    manager.start("work");
    manager.restart("work");
    manager.stop("work");

    assertThat(runner.lines())
        .containsExactly(
            "launchctl kickstart " + TARGET,
            "launchctl kickstart -k " + TARGET,
            "launchctl kill SIGTERM " + TARGET);
  }

  @Test
  void aFailedKickstartNamesTheLabelTheExitCodeAndTheError() {
    manager.install("work");
    runner.fail("launchctl kickstart -k " + TARGET, 113, "Could not find service");

    assertThatThrownBy(() -> manager.restart("work"))
        .hasMessage(
            "launchctl kickstart -k on 'dev.hermes.gateway.work' failed (rc=113): Could not find"
                + " service");
  }

  @Test
  void stoppingAGatewayThatIsNotRunningSucceeds() {
    manager.install("work");
    runner.fail("launchctl kill SIGTERM " + TARGET, 3, "No such process");
    runner.succeed("launchctl print " + TARGET, TARGET + " = {\n\tstate = waiting\n}\n");

    manager.stop("work");

    assertThat(runner.lines()).last().isEqualTo("launchctl print " + TARGET);
  }

  @Test
  void aFailedKillOfARunningGatewayIsReported() {
    manager.install("work");
    runner.fail("launchctl kill SIGTERM " + TARGET, 1, "Operation not permitted");
    runner.succeed("launchctl print " + TARGET, TARGET + " = {\n\tstate = running\n\tpid = 7\n}\n");

    assertThatThrownBy(() -> manager.stop("work"))
        .hasMessage(
            "launchctl kill SIGTERM on 'dev.hermes.gateway.work' failed (rc=1): Operation not"
                + " permitted");
  }

  @Test
  void lifecycleOfAProfileWithoutAPlistSaysHowToInstallIt() {
    assertThatThrownBy(() -> manager.start("work"))
        .hasMessage(
            "no such gateway 'work': install it with 'hermes -p work gateway install' first");
    assertThatThrownBy(() -> manager.stop("default"))
        .hasMessage("no such gateway 'default': install it with 'hermes gateway install' first");
    assertThat(runner.lines()).isEmpty();
  }

  @Test
  void uninstallBootsOutThenDeletesThePlistAndIgnoresANotLoadedAgent() {
    manager.install("work");
    runner.clear();
    runner.fail("launchctl bootout " + TARGET, 113, "Could not find specified service");

    manager.uninstall("work");
    manager.uninstall("work");

    assertThat(runner.lines())
        .containsExactly("launchctl bootout " + TARGET, "launchctl bootout " + TARGET);
    assertThat(plist()).doesNotExist();
  }

  @Test
  void theUidIsAskedOfIdOnceAndOnlyWhenNeeded() {
    LaunchdServiceManager lazy =
        LaunchdServiceManager.create(
            new SupervisionEnvironment(
                Map.of(),
                tmp,
                home,
                runner.succeed("id -u", "502\n"),
                "Mac OS X",
                List.of("/opt/hermes/bin/hermes"),
                tmp.resolve("user")));
    assertThat(runner.lines()).isEmpty();

    lazy.install("work");
    lazy.start("work");

    Path plist = tmp.resolve("user/Library/LaunchAgents/dev.hermes.gateway.work.plist");
    assertThat(runner.lines())
        .containsExactly(
            "id -u",
            "launchctl bootstrap gui/502 " + plist,
            "launchctl kickstart gui/502/dev.hermes.gateway.work");
  }

  @Test
  void aFailingIdIsReportedAsSuch() {
    LaunchdServiceManager lazy =
        new LaunchdServiceManager(
            runner.fail("id -u", 1, "id: cannot find name"), home, List.of("/h"), agents, null);

    assertThatThrownBy(() -> lazy.install("work"))
        .hasMessage("id -u failed (rc=1): id: cannot find name");
  }

  @Test
  void statusOfARunningAgentHasItsPidAndRuns() {
    manager.install("work");
    runner.succeed(
        "launchctl print " + TARGET,
        TARGET
            + " = {\n"
            + "\tactive count = 1\n"
            + "\tpath = "
            + plist()
            + "\n"
            + "\tstate = running\n"
            + "\n"
            + "\tprogram = /opt/hermes/bin/hermes\n"
            + "\targuments = {\n"
            + "\t\t/opt/hermes/bin/hermes\n"
            + "\t}\n"
            + "\tenvironment = {\n"
            + "\t\tpid = 99\n"
            + "\t}\n"
            + "\truns = 3\n"
            + "\tpid = 4242\n"
            + "\tlast exit code = 1\n"
            + "}\n");

    GatewayStatus status = manager.status("work");

    assertThat(status.registered()).isTrue();
    assertThat(status.up()).isTrue();
    assertThat(status.pid()).isEqualTo(4242);
    assertThat(status.restarts()).isEqualTo(2);
    assertThat(status.exitCode()).isEqualTo(-1);
  }

  @Test
  void statusOfAnAgentThatExitedHasItsExitCode() {
    manager.install("work");
    runner.succeed(
        "launchctl print " + TARGET,
        TARGET + " = {\n\tstate = not running\n\truns = 4\n\tlast exit code = 78\n}\n");

    GatewayStatus status = manager.status("work");

    assertThat(status.up()).isFalse();
    assertThat(status.pid()).isEqualTo(-1);
    assertThat(status.exitCode()).isEqualTo(78);
    assertThat(status.restarts()).isEqualTo(4);
  }

  @Test
  void statusOfAnAgentKilledByASignalNamesTheSignal() {
    manager.install("work");
    runner.succeed(
        "launchctl print " + TARGET,
        TARGET
            + " = {\n\tstate = not running\n\tlast exit code = (never exited)\n"
            + "\tlast terminating signal = Killed: 9\n}\n");

    GatewayStatus status = manager.status("work");

    assertThat(status.signal()).isEqualTo("SIGKILL");
    assertThat(status.exitCode()).isEqualTo(-1);
  }

  @Test
  void statusOfAnInstalledButUnloadedAgentIsRegisteredAndDown() {
    manager.install("work");
    runner.fail("launchctl print " + TARGET, 113, "Could not find service");

    GatewayStatus status = manager.status("work");

    assertThat(status.registered()).isTrue();
    assertThat(status.up()).isFalse();
    assertThat(manager.status("other")).isEqualTo(GatewayStatus.notRegistered("other"));
  }

  @Test
  void listFindsTheInstalledAgentsByLabel() throws Exception {
    manager.install("work");
    manager.install("default");
    Files.writeString(agents.resolve("com.example.other.plist"), "");
    Files.writeString(agents.resolve("dev.hermes.gateway.Nope.plist"), "");

    assertThat(manager.list()).containsExactly("default", "work");
    assertThat(new LaunchdServiceManager(runner, home, List.of("/h"), tmp.resolve("x"), "1").list())
        .isEmpty();
  }
}

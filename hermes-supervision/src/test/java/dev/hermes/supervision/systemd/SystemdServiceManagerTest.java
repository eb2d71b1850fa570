package dev.hermes.supervision.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.HermesHome;
import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.RecordingRunner;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdServiceManagerTest {
  private static final String SHOW =
      "systemctl --user show hermes-gateway-work.service --property="
          + "ActiveState,SubState,MainPID,NRestarts,ExecMainStatus,ExecMainCode,Result,UnitFileState";

  @TempDir Path tmp;
  private RecordingRunner runner;
  private Path unitDir;
  private SystemdServiceManager manager;

  @BeforeEach
  void setUp() {
    runner = new RecordingRunner();
    unitDir = tmp.resolve("units");
    manager =
        new SystemdServiceManager(
            runner,
            new HermesHome(tmp.resolve("home")),
            List.of("/opt/hermes/bin/hermes"),
            unitDir);
  }

  @Test
  void describesItselfAsSystemdUserUnitsWithoutRuntimeRegistration() {
    assertThat(manager.kind()).isEqualTo(ServiceManagerKind.SYSTEMD);
    assertThat(manager.describe()).isEqualTo("systemd (user units)");
    assertThat(manager.supportsRuntimeRegistration()).isFalse();
    assertThatThrownBy(() -> manager.register("work", true))
        .isInstanceOf(SupervisionException.class)
        .hasMessage("runtime registration needs the s6 supervisor (container or 'hermes up')");
    assertThatThrownBy(() -> manager.unregister("work"))
        .hasMessage("runtime registration needs the s6 supervisor (container or 'hermes up')");
  }

  @Test
  void installWritesTheUnitThenReloadsAndEnablesIt() throws Exception {
    manager.install("work");

    Path unit = unitDir.resolve("hermes-gateway-work.service");
    assertThat(unit).isRegularFile();
    assertThat(Files.readString(unit))
        .contains(
            "ExecStart=/opt/hermes/bin/hermes -p work gateway run --replace\n",
            "Environment=HERMES_HOME=" + tmp.resolve("home") + "\n");
    assertThat(runner.lines())
        .containsExactly(
            "systemctl --user daemon-reload",
            "systemctl --user enable hermes-gateway-work.service");
  }

  @Test
  void theDefaultProfileRunsWithoutAProfileFlag() throws Exception {
    manager.install("default");

    assertThat(Files.readString(unitDir.resolve("hermes-gateway-default.service")))
        .contains("ExecStart=/opt/hermes/bin/hermes gateway run --replace\n");
    assertThat(runner.lines())
        .last()
        .isEqualTo("systemctl --user enable hermes-gateway-default.service");
  }

  @Test
  void aFailedEnableRemovesTheFreshUnitAndReportsTheFirstErrorLine() {
    runner.fail(
        "systemctl --user enable hermes-gateway-work.service",
        1,
        "Failed to connect to bus: No medium found\nmore detail\n");

    assertThatThrownBy(() -> manager.install("work"))
        .isInstanceOf(SupervisionException.class)
        .hasMessage(
            "systemctl enable on 'hermes-gateway-work.service' failed (rc=1): Failed to connect to"
                + " bus: No medium found");
    assertThat(unitDir.resolve("hermes-gateway-work.service")).doesNotExist();
    assertThat(manager.list()).isEmpty();
  }

  @Test
  void startStopAndRestartEachRunOneSystemctlCommand() {
    manager.install("work");
    runner.clear();

    manager.start("work");
    manager.stop("work");
    manager.restart("work");

    assertThat(runner.lines())
        .containsExactly(
            "systemctl --user start hermes-gateway-work.service",
            "systemctl --user stop hermes-gateway-work.service",
            "systemctl --user restart hermes-gateway-work.service");
  }

  @Test
  void stopAllowsForTheUnitsStopTimeout() {
    manager.install("work");
    runner.clear();

    manager.stop("work");

    assertThat(runner.timeouts().get(0)).isGreaterThan(Duration.ofSeconds(10));
  }

  @Test
  void aFailedStopNamesTheUnitTheExitCodeAndTheFirstStderrLine() {
    manager.install("work");
    runner.fail(
        "systemctl --user stop hermes-gateway-work.service",
        5,
        "\nJob for hermes-gateway-work.service failed.\nSee journalctl\n");

    assertThatThrownBy(() -> manager.stop("work"))
        .isInstanceOf(SupervisionException.class)
        .hasMessage(
            "systemctl stop on 'hermes-gateway-work.service' failed (rc=5): Job for"
                + " hermes-gateway-work.service failed.");
  }

  @Test
  void aStartRefusedAfterACrashLoopResetsTheFailedStateAndTriesOnceMore() {
    manager.install("work");
    runner.clear();
    runner.answer(
        "systemctl --user start hermes-gateway-work.service",
        new CommandResult(1, "", "Start request repeated too quickly."),
        new CommandResult(0, "", ""));

    manager.start("work");

    assertThat(runner.lines())
        .containsExactly(
            "systemctl --user start hermes-gateway-work.service",
            "systemctl --user reset-failed hermes-gateway-work.service",
            "systemctl --user start hermes-gateway-work.service");
  }

  @Test
  void aStartThatFailsTwiceReportsTheSecondError() {
    manager.install("work");
    runner.answer(
        "systemctl --user start hermes-gateway-work.service",
        new CommandResult(1, "", "first"),
        new CommandResult(4, "", "second"));

    assertThatThrownBy(() -> manager.start("work"))
        .hasMessage("systemctl start on 'hermes-gateway-work.service' failed (rc=4): second");
  }

  @Test
  void lifecycleOfAProfileWithoutAUnitSaysHowToInstallIt() {
    assertThatThrownBy(() -> manager.start("work"))
        .isInstanceOf(SupervisionException.class)
        .hasMessage(
            "no such gateway 'work': install it with 'hermes -p work gateway install' first");
    assertThatThrownBy(() -> manager.stop("work")).hasMessageContaining("'hermes -p work gateway");
    assertThatThrownBy(() -> manager.restart("default"))
        .hasMessage("no such gateway 'default': install it with 'hermes gateway install' first");
    assertThat(runner.lines()).isEmpty();
  }

  @Test
  void uninstallDisablesAndStopsThenDeletesThenReloads() {
    manager.install("work");
    runner.clear();

    manager.uninstall("work");

    assertThat(runner.lines())
        .containsExactly(
            "systemctl --user disable --now hermes-gateway-work.service",
            "systemctl --user daemon-reload");
    assertThat(unitDir.resolve("hermes-gateway-work.service")).doesNotExist();
  }

  @Test
  void uninstallingAnAbsentUnitIgnoresTheDisableFailure() {
    runner.fail(
        "systemctl --user disable --now hermes-gateway-work.service",
        1,
        "Failed to disable unit: Unit file hermes-gateway-work.service does not exist.");

    manager.uninstall("work");
    manager.uninstall("work");

    assertThat(runner.lines()).hasSize(4);
  }

  @Test
  void statusOfAProfileWithoutAUnitIsNotRegisteredAndAsksNothing() {
    assertThat(manager.status("work")).isEqualTo(GatewayStatus.notRegistered("work"));
    assertThat(runner.lines()).isEmpty();
  }

  @Test
  void statusOfARunningUnitIsUpWithItsPid() {
    manager.install("work");
    runner.succeed(
        SHOW,
        "ActiveState=active\nSubState=running\nMainPID=4242\nNRestarts=2\nExecMainStatus=0\n"
            + "ExecMainCode=0\nResult=success\nUnitFileState=enabled\n");

    GatewayStatus status = manager.status("work");

    assertThat(runner.lines()).last().isEqualTo(SHOW);
    assertThat(status.registered()).isTrue();
    assertThat(status.up()).isTrue();
    assertThat(status.pid()).isEqualTo(4242);
    assertThat(status.pidIfUp()).hasValue(4242);
    assertThat(status.wantUp()).isTrue();
    assertThat(status.normallyUp()).isTrue();
    assertThat(status.restarts()).isEqualTo(2);
    assertThat(status.exitCode()).isEqualTo(-1);
    assertThat(status.failure()).isNull();
  }

  @Test
  void statusOfAUnitThatExitedWithFatalConfigurationIsAFailureWithItsExitCode() {
    manager.install("work");
    runner.succeed(
        SHOW,
        "ActiveState=failed\nSubState=failed\nMainPID=0\nNRestarts=0\nExecMainStatus=78\n"
            + "ExecMainCode=1\nResult=exit-code\nUnitFileState=enabled\n");

    GatewayStatus status = manager.status("work");

    assertThat(status.up()).isFalse();
    assertThat(status.pid()).isEqualTo(-1);
    assertThat(status.exitCode()).isEqualTo(78);
    assertThat(status.wantUp()).isFalse();
    assertThat(status.failure()).contains("fatal configuration (exit 78)");
    assertThat(status.actual().word()).isEqualTo("failed");
  }

  @Test
  void statusOfAUnitThatHitItsStartLimitIsACrashLoop() {
    manager.install("work");
    runner.succeed(
        SHOW,
        "ActiveState=failed\nSubState=failed\nMainPID=0\nNRestarts=4\nExecMainStatus=1\n"
            + "ExecMainCode=1\nResult=start-limit-hit\nUnitFileState=enabled\n");

    GatewayStatus status = manager.status("work");

    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.restarts()).isEqualTo(4);
    assertThat(status.failure()).contains("start-limit-hit");
  }

  @Test
  void statusOfAStoppedUnitIsDownWithoutFailure() {
    manager.install("work");
    runner.succeed(
        SHOW,
        "ActiveState=inactive\nSubState=dead\nMainPID=0\nNRestarts=0\nExecMainStatus=0\n"
            + "ExecMainCode=1\nResult=success\nUnitFileState=disabled\n");

    GatewayStatus status = manager.status("work");

    assertThat(status.registered()).isTrue();
    assertThat(status.up()).isFalse();
    assertThat(status.normallyUp()).isFalse();
    assertThat(status.exitCode()).isZero();
    assertThat(status.failure()).isNull();
    assertThat(status.actual().word()).isEqualTo("down");
  }

  @Test
  void statusOfAUnitKilledByASignalNamesTheSignalInsteadOfAnExitCode() {
    manager.install("work");
    runner.succeed(
        SHOW,
        "ActiveState=activating\nSubState=auto-restart\nMainPID=0\nNRestarts=1\n"
            + "ExecMainStatus=9\nExecMainCode=2\nResult=signal\nUnitFileState=enabled\n");

    GatewayStatus status = manager.status("work");

    assertThat(status.up()).isFalse();
    assertThat(status.wantUp()).isTrue();
    assertThat(status.signal()).isEqualTo("SIGKILL");
    assertThat(status.exitCode()).isEqualTo(-1);
  }

  @Test
  void statusWhenSystemctlCannotBeAskedIsRegisteredButUnknown() {
    manager.install("work");
    runner.fail(SHOW, 1, "Failed to connect to bus");

    GatewayStatus status = manager.status("work");

    assertThat(status.registered()).isTrue();
    assertThat(status.up()).isFalse();
    assertThat(status.restarts()).isEqualTo(-1);
  }

  @Test
  void listFindsTheInstalledUnitsByName() throws Exception {
    manager.install("work");
    manager.install("default");
    Files.writeString(unitDir.resolve("other.service"), "");
    Files.writeString(unitDir.resolve("hermes-gateway-Bad Name.service"), "");
    Files.createDirectories(unitDir.resolve("hermes-gateway-dir.service"));

    assertThat(manager.list()).containsExactly("default", "work");
  }

  @Test
  void listWithoutAUnitDirectoryIsEmpty() {
    assertThat(manager.list()).isEmpty();
  }

  @Test
  void theUserUnitDirectoryFollowsAnAbsoluteXdgConfigHome() {
    Path home = Path.of("/home/u");
    assertThat(SystemdServiceManager.userUnitDir(Map.of(), home))
        .isEqualTo(Path.of("/home/u/.config/systemd/user"));
    assertThat(SystemdServiceManager.userUnitDir(Map.of("XDG_CONFIG_HOME", "/cfg"), home))
        .isEqualTo(Path.of("/cfg/systemd/user"));
    assertThat(SystemdServiceManager.userUnitDir(Map.of("XDG_CONFIG_HOME", "rel"), home))
        .isEqualTo(Path.of("/home/u/.config/systemd/user"));
  }

  @Test
  void anInvalidProfileNameIsRejectedBeforeAnythingRuns() {
    assertThatThrownBy(() -> manager.install("../x"))
        .hasMessage("profile name must match [a-z0-9][a-z0-9_-]*, got '../x'");
    assertThat(runner.lines()).isEmpty();
  }
}

package dev.hermes.supervision.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.HermesHome;
import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.RecordingRunner;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowsServiceManagerTest {
  private static final String LAUNCHER = "C:\\Program Files\\hermes\\bin\\hermes.cmd";
  private static final String QUERY = "schtasks /Query /TN hermes-gateway-work";
  private static final String QUERY_LIST = QUERY + " /FO LIST /V";

  @TempDir Path tmp;
  private RecordingRunner runner;
  private WindowsServiceManager manager;

  @BeforeEach
  void setUp() {
    runner = new RecordingRunner();
    manager = new WindowsServiceManager(runner, new HermesHome(tmp), List.of(LAUNCHER));
  }

  @Test
  void describesItselfAsTaskSchedulerWithoutRuntimeRegistration() {
    assertThat(manager.kind()).isEqualTo(ServiceManagerKind.WINDOWS);
    assertThat(manager.describe()).isEqualTo("Windows Task Scheduler");
    assertThat(manager.supportsRuntimeRegistration()).isFalse();
    assertThatThrownBy(() -> manager.unregister("work"))
        .hasMessage("runtime registration needs the s6 supervisor (container or 'hermes up')");
  }

  @Test
  void installCreatesALogonTaskThatSetsHermesHomeAndRunsTheQuotedLauncher() {
    manager.install("work");

    String run =
        "cmd /d /s /c \"set \"HERMES_HOME="
            + tmp
            + "\"&& set \"HERMES_SUPERVISED_CHILD=1\"&& \""
            + LAUNCHER
            + "\" -p work gateway run --replace\"";
    assertThat(manager.taskRun("work")).isEqualTo(run);
    assertThat(runner.commands())
        .containsExactly(
            List.of(
                "schtasks",
                "/Create",
                "/TN",
                "hermes-gateway-work",
                "/TR",
                TaskRunLine.commandLineArgument(run),
                "/SC",
                "ONLOGON",
                "/RL",
                "LIMITED",
                "/F"));
  }

  @Test
  void theDefaultProfileRunsWithoutAProfileFlag() {
    assertThat(manager.taskRun("default")).endsWith("\" gateway run --replace\"");
  }

  @Test
  void aFailedCreateReportsTheToolTheTaskAndTheError() {
    runner.answer(
        String.join(
            " ",
            "schtasks /Create /TN hermes-gateway-work /TR",
            TaskRunLine.commandLineArgument(manager.taskRun("work")),
            "/SC ONLOGON /RL LIMITED /F"),
        new CommandResult(1, "", "ERROR: Access is denied.\r\n"));

    assertThatThrownBy(() -> manager.install("work"))
        .isInstanceOf(SupervisionException.class)
        .hasMessage(
            "schtasks /Create on 'hermes-gateway-work' failed (rc=1): ERROR: Access is denied.");
  }

  @Test
  void startStopRestartAndUninstallRunTheSchtasksSequences() {
    manager.start("work");
    manager.stop("work");
    manager.restart("work");
    manager.uninstall("work");

    assertThat(runner.lines())
        .containsExactly(
            "schtasks /Run /TN hermes-gateway-work",
            "schtasks /End /TN hermes-gateway-work",
            "schtasks /End /TN hermes-gateway-work",
            "schtasks /Run /TN hermes-gateway-work",
            "schtasks /End /TN hermes-gateway-work",
            "schtasks /Delete /TN hermes-gateway-work /F");
  }

  @Test
  void startingAMissingTaskSaysHowToInstallIt() {
    runner.fail(
        "schtasks /Run /TN hermes-gateway-work",
        1,
        "ERROR: The system cannot find the file specified.");
    runner.fail(QUERY, 1, "ERROR: The system cannot find the file specified.");
    runner.fail("schtasks /Run /TN hermes-gateway-default", 1, "ERROR");
    runner.fail("schtasks /Query /TN hermes-gateway-default", 1, "ERROR");

    assertThatThrownBy(() -> manager.start("work"))
        .hasMessage(
            "no such gateway 'work': install it with 'hermes -p work gateway install' first");
    assertThatThrownBy(() -> manager.restart("default"))
        .hasMessage("no such gateway 'default': install it with 'hermes gateway install' first");
  }

  @Test
  void aFailedRunOfAnInstalledTaskReportsTheError() {
    runner.fail("schtasks /Run /TN hermes-gateway-work", 1, "ERROR: Access is denied.");

    assertThatThrownBy(() -> manager.start("work"))
        .hasMessage(
            "schtasks /Run on 'hermes-gateway-work' failed (rc=1): ERROR: Access is denied.");
    assertThat(runner.lines()).containsExactly("schtasks /Run /TN hermes-gateway-work", QUERY);
  }

  @Test
  void stoppingATaskThatIsNotRunningSucceeds() {
    runner.fail("schtasks /End /TN hermes-gateway-work", 1, "ERROR: The task is not running.");
    runner.succeed(QUERY_LIST, "TaskName:  \\hermes-gateway-work\r\nStatus:   Ready\r\n");

    manager.stop("work");

    assertThat(runner.lines())
        .containsExactly("schtasks /End /TN hermes-gateway-work", QUERY, QUERY_LIST);
  }

  @Test
  void stoppingAMissingTaskSaysHowToInstallIt() {
    runner.fail("schtasks /End /TN hermes-gateway-work", 1, "ERROR: cannot find");
    runner.fail(QUERY, 1, "ERROR: cannot find");

    assertThatThrownBy(() -> manager.stop("work")).hasMessageStartingWith("no such gateway 'work'");
  }

  @Test
  void uninstallingAMissingTaskIsANoOp() {
    runner.fail("schtasks /End /TN hermes-gateway-work", 1, "ERROR");
    runner.fail("schtasks /Delete /TN hermes-gateway-work /F", 1, "ERROR: cannot find");
    runner.fail(QUERY, 1, "ERROR: cannot find");

    manager.uninstall("work");
  }

  @Test
  void aFailedDeleteOfAnExistingTaskIsReported() {
    runner.fail("schtasks /Delete /TN hermes-gateway-work /F", 1, "ERROR: Access is denied.");

    assertThatThrownBy(() -> manager.uninstall("work"))
        .hasMessage(
            "schtasks /Delete on 'hermes-gateway-work' failed (rc=1): ERROR: Access is denied.");
  }

  @Test
  void statusOfARunningTaskIsUpWithoutAPid() {
    runner.succeed(
        QUERY_LIST,
        "\r\nFolder: \\\r\nHostName:                             PC\r\n"
            + "TaskName:                             \\hermes-gateway-work\r\n"
            + "Next Run Time:                        N/A\r\n"
            + "Status:                               Running\r\n"
            + "Last Run Time:                        5/1/2025 9:00:00 AM\r\n"
            + "Last Result:                          267009\r\n"
            + "Scheduled Task State:                 Enabled\r\n");

    GatewayStatus status = manager.status("work");

    assertThat(status.registered()).isTrue();
    assertThat(status.up()).isTrue();
    assertThat(status.pid()).isEqualTo(-1);
    assertThat(status.normallyUp()).isTrue();
    assertThat(status.exitCode()).isEqualTo(-1);
  }

  @Test
  void statusOfAnEndedTaskHasItsLastExitCode() {
    runner.succeed(
        QUERY_LIST,
        "Status:                               Ready\r\n"
            + "Last Result:                          78\r\n"
            + "Scheduled Task State:                 Disabled\r\n");

    GatewayStatus status = manager.status("work");

    assertThat(status.up()).isFalse();
    assertThat(status.exitCode()).isEqualTo(78);
    assertThat(status.normallyUp()).isFalse();
  }

  @Test
  void statusOfAMissingTaskIsNotRegistered() {
    runner.fail(QUERY_LIST, 1, "ERROR: The system cannot find the file specified.");

    assertThat(manager.status("work")).isEqualTo(GatewayStatus.notRegistered("work"));
  }

  @Test
  void listReadsHermesTaskNamesFromTheRootFolderOfTheCsvQuery() {
    runner.succeed(
        "schtasks /Query /FO CSV /NH",
        "\r\n\"\\hermes-gateway-work\",\"N/A\",\"Ready\"\r\n"
            + "\"\\hermes-gateway-default\",\"N/A\",\"Running\"\r\n"
            + "\"\\hermes-gateway-default\",\"N/A\",\"Running\"\r\n"
            + "\"\\Microsoft\\Windows\\hermes-gateway-nested\",\"N/A\",\"Ready\"\r\n"
            + "\"\\hermes-gateway-Not Valid\",\"N/A\",\"Ready\"\r\n"
            + "\"\\OneDrive Standalone Update Task\",\"5/2/2025 1:00:00 PM\",\"Ready\"\r\n"
            + "INFO: There are no scheduled tasks presently available at your access level.\r\n");

    assertThat(manager.list()).containsExactly("default", "work");
  }

  @Test
  void aFailedListQueryIsReported() {
    runner.fail("schtasks /Query /FO CSV /NH", 1, "ERROR: The RPC server is unavailable.");

    assertThatThrownBy(() -> manager.list())
        .isInstanceOf(SupervisionException.class)
        .hasMessage("schtasks /Query failed (rc=1): ERROR: The RPC server is unavailable.");
  }
}

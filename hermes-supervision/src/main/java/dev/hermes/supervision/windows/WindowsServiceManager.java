package dev.hermes.supervision.windows;

import dev.hermes.core.HermesHome;
import dev.hermes.core.ProfileNames;
import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.CommandRunner;
import dev.hermes.supervision.GatewayCommands;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.SupervisionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Gateways as Task Scheduler tasks {@code hermes-gateway-P} that run at logon, driven with {@code
 * schtasks}. Task Scheduler starts and ends a task but does not restart one that crashes, and its
 * end is not a graceful stop; see docs/backends.md.
 */
public final class WindowsServiceManager implements ServiceManager {
  /** Querying every task on a busy machine takes a while. */
  static final Duration SCHTASKS_TIMEOUT = Duration.ofSeconds(30);

  private final CommandRunner runner;
  private final HermesHome home;
  private final List<String> hermesCommand;

  public WindowsServiceManager(CommandRunner runner, HermesHome home, List<String> hermesCommand) {
    if (hermesCommand.isEmpty()) {
      throw new IllegalArgumentException("hermesCommand must not be empty");
    }
    this.runner = runner;
    this.home = home;
    this.hermesCommand = List.copyOf(hermesCommand);
  }

  /** What the resolver builds. */
  public static WindowsServiceManager create(SupervisionEnvironment e) {
    return new WindowsServiceManager(e.runner(), e.home(), e.hermesCommand());
  }

  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.WINDOWS;
  }

  @Override
  public String describe() {
    return "Windows Task Scheduler";
  }

  /** The {@code /TR} value: what the task runs. */
  String taskRun(String profile) {
    return TaskRunLine.build(home.root(), gatewayCommand(ProfileNames.validate(profile)));
  }

  @Override
  public void install(String profile) {
    String run = taskRun(profile);
    // /F replaces an existing task of that name, so reinstalling needs no delete first.
    checked(
        "/Create",
        profile,
        schtasks(
            "/Create",
            "/TN",
            TaskRunLine.taskName(profile),
            "/TR",
            TaskRunLine.commandLineArgument(run),
            "/SC",
            "ONLOGON",
            "/RL",
            "LIMITED",
            "/F"));
  }

  @Override
  public void uninstall(String profile) {
    String task = TaskRunLine.taskName(ProfileNames.validate(profile));
    schtasks("/End", "/TN", task); // fails when it is not running: fine
    CommandResult delete = schtasks("/Delete", "/TN", task, "/F");
    if (!delete.ok() && installed(profile)) {
      throw failure("/Delete", profile, delete);
    }
  }

  @Override
  public void start(String profile) {
    run(profile);
  }

  /** /End fails when the task is not running; stopping a stopped gateway is not an error. */
  @Override
  public void stop(String profile) {
    CommandResult end =
        schtasks("/End", "/TN", TaskRunLine.taskName(ProfileNames.validate(profile)));
    if (!end.ok()) {
      requireInstalled(profile);
      if (status(profile).up()) {
        throw failure("/End", profile, end);
      }
    }
  }

  @Override
  public void restart(String profile) {
    schtasks("/End", "/TN", TaskRunLine.taskName(ProfileNames.validate(profile)));
    run(profile);
  }

  @Override
  public GatewayStatus status(String profile) {
    CommandResult query =
        schtasks(
            "/Query",
            "/TN",
            TaskRunLine.taskName(ProfileNames.validate(profile)),
            "/FO",
            "LIST",
            "/V");
    if (!query.ok()) {
      return GatewayStatus.notRegistered(profile);
    }
    return SchtasksOutput.parse(profile, query.stdout());
  }

  @Override
  public List<String> list() {
    CommandResult query = schtasks("/Query", "/FO", "CSV", "/NH");
    if (!query.ok()) {
      throw new SupervisionException(
          "schtasks /Query failed (rc=" + query.exitCode() + "): " + query.firstErrorLine());
    }
    return SchtasksOutput.profiles(query.stdout());
  }

  List<String> gatewayCommand(String profile) {
    return GatewayCommands.gatewayRun(hermesCommand, profile);
  }

  /** /Run; on failure, a missing task gets the "install it first" message. */
  private void run(String profile) {
    CommandResult result =
        schtasks("/Run", "/TN", TaskRunLine.taskName(ProfileNames.validate(profile)));
    if (!result.ok()) {
      requireInstalled(profile);
      throw failure("/Run", profile, result);
    }
  }

  private boolean installed(String profile) {
    return schtasks("/Query", "/TN", TaskRunLine.taskName(profile)).ok();
  }

  private void requireInstalled(String profile) {
    if (!installed(profile)) {
      throw GatewayCommands.notInstalled(profile);
    }
  }

  private CommandResult schtasks(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add("schtasks");
    command.addAll(List.of(arguments));
    return runner.run(command, SCHTASKS_TIMEOUT);
  }

  private static void checked(String action, String profile, CommandResult result) {
    if (!result.ok()) {
      throw failure(action, profile, result);
    }
  }

  private static SupervisionException failure(String action, String profile, CommandResult result) {
    return GatewayCommands.failed("schtasks", action, TaskRunLine.taskName(profile), result);
  }
}

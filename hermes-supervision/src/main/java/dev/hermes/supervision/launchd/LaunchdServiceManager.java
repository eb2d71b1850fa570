package dev.hermes.supervision.launchd;

import dev.hermes.core.AtomicFiles;
import dev.hermes.core.HermesHome;
import dev.hermes.core.ProfileNames;
import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.CommandRunner;
import dev.hermes.supervision.GatewayCommands;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.HostUnits;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.SupervisionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Gateways as launchd user agents {@code dev.hermes.gateway.P} in the user's GUI domain, driven
 * with the modern {@code launchctl bootstrap/kickstart/kill/bootout} verbs (never the deprecated
 * load/unload). launchd restarts a gateway that exits non-zero.
 */
public final class LaunchdServiceManager implements ServiceManager {
  /** bootout waits for the process to exit. */
  static final Duration LAUNCHCTL_TIMEOUT = Duration.ofSeconds(30);

  private static final String PREFIX = "dev.hermes.gateway.";
  private static final String SUFFIX = ".plist";

  private final CommandRunner runner;
  private final HermesHome home;
  private final List<String> hermesCommand;
  private final Path agentDir;
  private String uid;

  /**
   * @param uid the user's numeric id for the {@code gui/UID} domain, or null to ask {@code id -u}
   *     (once, on first use)
   */
  public LaunchdServiceManager(
      CommandRunner runner,
      HermesHome home,
      List<String> hermesCommand,
      Path agentDir,
      String uid) {
    if (hermesCommand.isEmpty()) {
      throw new IllegalArgumentException("hermesCommand must not be empty");
    }
    this.runner = runner;
    this.home = home;
    this.hermesCommand = List.copyOf(hermesCommand);
    this.agentDir = agentDir;
    this.uid = uid;
  }

  /**
   * Agents in {@code ~/Library/LaunchAgents}, the uid read lazily with {@code id -u}; what the
   * resolver builds.
   */
  public static LaunchdServiceManager create(SupervisionEnvironment e) {
    return new LaunchdServiceManager(
        e.runner(),
        e.home(),
        e.hermesCommand(),
        e.userHome().resolve("Library").resolve("LaunchAgents"),
        null);
  }

  public Path plistFile(String profile) {
    return agentDir.resolve(LaunchdPlist.label(ProfileNames.validate(profile)) + SUFFIX);
  }

  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.LAUNCHD;
  }

  @Override
  public String describe() {
    return "launchd (user agents)";
  }

  @Override
  public void install(String profile) {
    Path plist = plistFile(profile);
    boolean fresh = !Files.exists(plist);
    if (!fresh) {
      // bootstrap refuses a label that is already loaded; unload the old definition first.
      runner.run(List.of("launchctl", "bootout", target(profile)), LAUNCHCTL_TIMEOUT);
    }
    Path logFile = home.profile(profile).logDir().resolve("gateway.log");
    try {
      // launchd opens the log file but does not create its directory.
      Files.createDirectories(logFile.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not create " + logFile.getParent() + ": " + e.getMessage(), e);
    }
    String xml = LaunchdPlist.render(profile, gatewayCommand(profile), home.root(), logFile);
    AtomicFiles.write(
        plist, xml.getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_WRITE_ALL_READ);
    CommandResult result =
        runner.run(
            List.of("launchctl", "bootstrap", "gui/" + uid(), plist.toString()), LAUNCHCTL_TIMEOUT);
    if (!result.ok()) {
      if (fresh) {
        // Like a failed s6 register: leave nothing behind that list() would report as installed.
        deleteQuietly(plist);
      }
      throw failure("bootstrap", profile, result);
    }
  }

  @Override
  public void uninstall(String profile) {
    Path plist = plistFile(profile);
    // Fails when the agent is not loaded; that is the state we want.
    runner.run(List.of("launchctl", "bootout", target(profile)), LAUNCHCTL_TIMEOUT);
    try {
      Files.deleteIfExists(plist);
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + plist + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void start(String profile) {
    requireInstalled(profile);
    launchctl(profile, "kickstart", target(profile));
  }

  /**
   * SIGTERM makes the gateway drain and exit 0, which KeepAlive {SuccessfulExit: false} leaves
   * down. launchctl kill fails when nothing runs; stopping a stopped gateway is not an error.
   */
  @Override
  public void stop(String profile) {
    requireInstalled(profile);
    CommandResult result = run("kill", "SIGTERM", target(profile));
    if (!result.ok() && status(profile).up()) {
      throw failure("kill SIGTERM", profile, result);
    }
  }

  @Override
  public void restart(String profile) {
    requireInstalled(profile);
    launchctl(profile, "kickstart", "-k", target(profile));
  }

  @Override
  public GatewayStatus status(String profile) {
    if (!Files.isRegularFile(plistFile(profile))) {
      return GatewayStatus.notRegistered(profile);
    }
    CommandResult print = runner.run("launchctl", "print", target(profile));
    if (!print.ok()) {
      // Installed but not loaded (booted out by hand, or not yet loaded in this session).
      return GatewayStatus.builder(profile).noReadinessSignal().normallyUp(true).build();
    }
    return LaunchctlPrint.parse(profile, print.stdout());
  }

  @Override
  public List<String> list() {
    return HostUnits.profilesIn(agentDir, PREFIX, SUFFIX);
  }

  List<String> gatewayCommand(String profile) {
    return GatewayCommands.gatewayRun(hermesCommand, profile);
  }

  /** {@code gui/UID/LABEL}: the agent in the logged-in user's GUI domain. */
  String target(String profile) {
    return "gui/" + uid() + "/" + LaunchdPlist.label(profile);
  }

  private synchronized String uid() {
    if (uid == null) {
      CommandResult id = runner.run("id", "-u");
      String text = id.stdout() == null ? "" : id.stdout().trim();
      if (!id.ok() || !text.matches("\\d+")) {
        throw new SupervisionException(
            "id -u failed (rc=" + id.exitCode() + "): " + id.firstErrorLine());
      }
      uid = text;
    }
    return uid;
  }

  private void launchctl(String profile, String... arguments) {
    CommandResult result = run(arguments);
    if (!result.ok()) {
      String action = String.join(" ", List.of(arguments).subList(0, arguments.length - 1));
      throw failure(action, profile, result);
    }
  }

  private CommandResult run(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add("launchctl");
    command.addAll(List.of(arguments));
    return runner.run(command, LAUNCHCTL_TIMEOUT);
  }

  private static SupervisionException failure(String action, String profile, CommandResult result) {
    return GatewayCommands.failed("launchctl", action, LaunchdPlist.label(profile), result);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // The install already failed; the operator hears about that.
    }
  }

  private void requireInstalled(String profile) {
    if (!Files.isRegularFile(plistFile(profile))) {
      throw GatewayCommands.notInstalled(profile);
    }
  }
}

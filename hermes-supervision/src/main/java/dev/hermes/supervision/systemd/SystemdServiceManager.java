package dev.hermes.supervision.systemd;

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
import java.util.Map;

/**
 * Gateways as systemd user units {@code hermes-gateway-P.service}, driven with {@code systemctl
 * --user}. systemd does the supervising: restart on failure, never after exit 78, SIGTERM then
 * SIGKILL on stop. Nothing here needs root.
 */
public final class SystemdServiceManager implements ServiceManager {
  /** stop waits for the unit to go down: TimeoutStopSec (10 s) plus margin. */
  static final Duration SYSTEMCTL_TIMEOUT = Duration.ofSeconds(30);

  private static final String PREFIX = "hermes-gateway-";
  private static final String SUFFIX = ".service";

  private final CommandRunner runner;
  private final HermesHome home;
  private final List<String> hermesCommand;
  private final Path unitDir;

  public SystemdServiceManager(
      CommandRunner runner, HermesHome home, List<String> hermesCommand, Path unitDir) {
    if (hermesCommand.isEmpty()) {
      throw new IllegalArgumentException("hermesCommand must not be empty");
    }
    this.runner = runner;
    this.home = home;
    this.hermesCommand = List.copyOf(hermesCommand);
    this.unitDir = unitDir;
  }

  /** Units in the user's unit directory ({@link #userUnitDir}); what the resolver builds. */
  public static SystemdServiceManager create(SupervisionEnvironment e) {
    return new SystemdServiceManager(
        e.runner(), e.home(), e.hermesCommand(), userUnitDir(e.env(), e.userHome()));
  }

  /**
   * {@code $XDG_CONFIG_HOME/systemd/user}, else {@code ~/.config/systemd/user}: the directory the
   * user manager reads. The XDG spec says to ignore a relative {@code XDG_CONFIG_HOME}.
   */
  public static Path userUnitDir(Map<String, String> env, Path userHome) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path config =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : userHome.resolve(".config");
    return config.resolve("systemd").resolve("user");
  }

  public Path unitFile(String profile) {
    return unitDir.resolve(SystemdUnit.unitName(ProfileNames.validate(profile)));
  }

  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.SYSTEMD;
  }

  @Override
  public String describe() {
    return "systemd (user units)";
  }

  @Override
  public void install(String profile) {
    Path unit = unitFile(profile);
    boolean fresh = !Files.exists(unit);
    String text = SystemdUnit.render(profile, gatewayCommand(profile), home.root());
    AtomicFiles.write(
        unit, text.getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_WRITE_ALL_READ);
    try {
      systemctl("daemon-reload", null, profile);
      systemctl("enable", SystemdUnit.unitName(profile), profile);
    } catch (SupervisionException e) {
      if (fresh) {
        // Like a failed s6 register: leave nothing behind that list() would report as installed.
        deleteQuietly(unit);
      }
      throw e;
    }
  }

  @Override
  public void uninstall(String profile) {
    Path unit = unitFile(profile);
    // Fails when the unit is already gone; that is the state we want.
    runner.run(
        List.of("systemctl", "--user", "disable", "--now", SystemdUnit.unitName(profile)),
        SYSTEMCTL_TIMEOUT);
    try {
      Files.deleteIfExists(unit);
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + unit + ": " + e.getMessage(), e);
    }
    systemctl("daemon-reload", null, profile);
  }

  @Override
  public void start(String profile) {
    requireInstalled(profile);
    startLike("start", profile);
  }

  @Override
  public void stop(String profile) {
    requireInstalled(profile);
    systemctl("stop", SystemdUnit.unitName(profile), profile);
  }

  @Override
  public void restart(String profile) {
    requireInstalled(profile);
    startLike("restart", profile);
  }

  @Override
  public GatewayStatus status(String profile) {
    if (!Files.isRegularFile(unitFile(profile))) {
      return GatewayStatus.notRegistered(profile);
    }
    CommandResult show =
        runner.run(
            "systemctl",
            "--user",
            "show",
            SystemdUnit.unitName(profile),
            "--property=" + SystemctlShow.PROPERTIES);
    if (!show.ok()) {
      // Installed, but the user manager cannot be asked (no user bus in this session).
      return GatewayStatus.builder(profile).noReadinessSignal().build();
    }
    return SystemctlShow.parse(profile, show.stdout());
  }

  @Override
  public List<String> list() {
    return HostUnits.profilesIn(unitDir, PREFIX, SUFFIX);
  }

  List<String> gatewayCommand(String profile) {
    return GatewayCommands.gatewayRun(hermesCommand, profile);
  }

  /**
   * start and restart refuse a unit that hit its start limit (a crash loop) until its failed state
   * is reset. An operator asking for a start means "try again", so on failure reset and retry once;
   * the second error, if any, is the one reported.
   */
  private void startLike(String action, String profile) {
    String unit = SystemdUnit.unitName(profile);
    if (run(action, unit).ok()) {
      return;
    }
    runner.run(List.of("systemctl", "--user", "reset-failed", unit), SYSTEMCTL_TIMEOUT);
    systemctl(action, unit, profile);
  }

  private void systemctl(String action, String unit, String profile) {
    CommandResult result = run(action, unit);
    if (!result.ok()) {
      throw GatewayCommands.failed("systemctl", action, SystemdUnit.unitName(profile), result);
    }
  }

  private CommandResult run(String action, String unit) {
    List<String> command = new ArrayList<>(List.of("systemctl", "--user", action));
    if (unit != null) {
      command.add(unit);
    }
    return runner.run(command, SYSTEMCTL_TIMEOUT);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // The install already failed; the operator hears about that.
    }
  }

  private void requireInstalled(String profile) {
    if (!Files.isRegularFile(unitFile(profile))) {
      throw GatewayCommands.notInstalled(profile);
    }
  }
}

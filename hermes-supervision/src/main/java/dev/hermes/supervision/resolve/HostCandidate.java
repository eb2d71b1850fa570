package dev.hermes.supervision.resolve;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.launchd.LaunchdServiceManager;
import dev.hermes.supervision.none.NoServiceManager;
import dev.hermes.supervision.s6.S6Tools;
import dev.hermes.supervision.systemd.SystemdServiceManager;
import dev.hermes.supervision.windows.WindowsServiceManager;
import java.nio.file.Files;
import java.util.Locale;

/** The host's own init system, judged from the OS name and, for systemd, a working user bus. */
public final class HostCandidate implements Candidate {
  private final ServiceManagerKind kind;

  public HostCandidate(ServiceManagerKind kind) {
    this.kind = kind;
  }

  @Override
  public ServiceManagerKind kind() {
    return kind;
  }

  @Override
  public String description() {
    return switch (kind) {
      case WINDOWS -> "windows: the OS is Windows (Task Scheduler)";
      case LAUNCHD -> "launchd: the OS is macOS (user agents)";
      case SYSTEMD -> "systemd: /run/systemd/system exists and the user bus answers";
      case NONE -> "none: no supervisor found (where s6 is installed: no 'hermes up' runs)";
      case S6 -> throw new IllegalStateException("s6 has its own candidates");
    };
  }

  @Override
  public boolean applies(SupervisionEnvironment e) {
    String os = e.osName() == null ? "" : e.osName().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case WINDOWS -> os.startsWith("windows");
      case LAUNCHD -> os.contains("mac") || os.contains("darwin");
      case SYSTEMD -> Files.isDirectory(e.system("run/systemd/system")) && hasUserBus(e);
      case NONE -> true;
      case S6 -> false;
    };
  }

  private static boolean hasUserBus(SupervisionEnvironment e) {
    if (e.getenv("DBUS_SESSION_BUS_ADDRESS") != null) {
      return true;
    }
    String runtime = e.getenv("XDG_RUNTIME_DIR");
    return runtime != null && Files.exists(java.nio.file.Path.of(runtime, "bus"));
  }

  @Override
  public ServiceManager create(SupervisionEnvironment e) {
    return switch (kind) {
      case WINDOWS -> WindowsServiceManager.create(e);
      case LAUNCHD -> LaunchdServiceManager.create(e);
      case SYSTEMD -> SystemdServiceManager.create(e);
      case NONE, S6 -> noManager(e);
    };
  }

  /**
   * Where s6 is installed, {@code hermes up} is the supervisor this host lacks, so that is the
   * advice; an explicit {@code HERMES_SERVICE_MANAGER=none} asked for the foreground.
   */
  private static NoServiceManager noManager(SupervisionEnvironment e) {
    boolean chosen = e.getenv(ServiceManagerResolver.OVERRIDE) != null;
    if (!chosen && Files.isExecutable(S6Tools.locate(e.env()).binDir().resolve("s6-svscan"))) {
      return NoServiceManager.withoutHermesUp(e.home().root());
    }
    return new NoServiceManager();
  }
}

package dev.hermes.supervision.resolve;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.systemd.SystemdServiceManager;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * systemd is the init ({@code /run/systemd/system} exists) and this user's bus answers: without a
 * user bus {@code systemctl --user} cannot reach the user manager, so the gateways' units could
 * neither be installed nor controlled.
 */
public final class SystemdCandidate implements Candidate {
  static final int PRIORITY = 10;

  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.SYSTEMD;
  }

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public String description() {
    return "systemd: /run/systemd/system exists and the user bus answers";
  }

  @Override
  public boolean applies(SupervisionEnvironment environment) {
    return Files.isDirectory(environment.system("run/systemd/system")) && hasUserBus(environment);
  }

  private static boolean hasUserBus(SupervisionEnvironment e) {
    if (e.getenv("DBUS_SESSION_BUS_ADDRESS") != null) {
      return true;
    }
    String runtime = e.getenv("XDG_RUNTIME_DIR");
    return runtime != null && Files.exists(Path.of(runtime, "bus"));
  }

  @Override
  public ServiceManager create(SupervisionEnvironment environment) {
    return SystemdServiceManager.create(environment);
  }
}

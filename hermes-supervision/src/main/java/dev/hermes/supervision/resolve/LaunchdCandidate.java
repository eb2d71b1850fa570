package dev.hermes.supervision.resolve;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.launchd.LaunchdServiceManager;

/** The OS is macOS: one launchd user agent per gateway. */
public final class LaunchdCandidate implements Candidate {
  static final int PRIORITY = 20;

  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.LAUNCHD;
  }

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public String description() {
    return "launchd: the OS is macOS (user agents)";
  }

  @Override
  public boolean applies(SupervisionEnvironment environment) {
    String os = WindowsCandidate.osName(environment);
    return os.contains("mac") || os.contains("darwin");
  }

  @Override
  public ServiceManager create(SupervisionEnvironment environment) {
    return LaunchdServiceManager.create(environment);
  }
}

package dev.hermes.supervision.resolve;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.windows.WindowsServiceManager;
import java.util.Locale;

/** The OS is Windows: one Task Scheduler task per gateway. */
public final class WindowsCandidate implements Candidate {
  static final int PRIORITY = 30;

  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.WINDOWS;
  }

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public String description() {
    return "windows: the OS is Windows (Task Scheduler)";
  }

  @Override
  public boolean applies(SupervisionEnvironment environment) {
    return osName(environment).startsWith("windows");
  }

  @Override
  public ServiceManager create(SupervisionEnvironment environment) {
    return WindowsServiceManager.create(environment);
  }

  /** The OS name in lower case; empty when unknown. */
  static String osName(SupervisionEnvironment environment) {
    return environment.osName() == null ? "" : environment.osName().toLowerCase(Locale.ROOT);
  }
}

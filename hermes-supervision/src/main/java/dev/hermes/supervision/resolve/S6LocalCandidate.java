package dev.hermes.supervision.resolve;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.s6.S6Backends;

/**
 * A {@code hermes up} is live for this HERMES_HOME: its s6-svscan, recorded in {@code
 * run/s6-svscan.pid}, is still running. A second terminal then needs no settings.
 */
public final class S6LocalCandidate implements Candidate {
  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.S6;
  }

  static final int PRIORITY = 40;

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public String description() {
    return "s6 (hermes up): an s6-svscan started by 'hermes up' runs on $HERMES_HOME/run/service";
  }

  @Override
  public boolean applies(SupervisionEnvironment environment) {
    return S6Backends.localScannerRunning(environment);
  }

  @Override
  public ServiceManager create(SupervisionEnvironment environment) {
    return S6Backends.local(environment);
  }
}

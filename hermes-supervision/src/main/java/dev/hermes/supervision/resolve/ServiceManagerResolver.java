package dev.hermes.supervision.resolve;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.SupervisionException;
import dev.hermes.supervision.s6.S6Backends;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the service manager, first match wins:
 *
 * <ol>
 *   <li>{@code HERMES_SERVICE_MANAGER} names one explicitly (s6, systemd, launchd, windows, none);
 *   <li>s6 as the container's supervisor ({@link S6ContainerCandidate});
 *   <li>s6 under a live {@code hermes up} for this HERMES_HOME ({@link S6LocalCandidate});
 *   <li>then the host's own init: Windows, launchd, systemd with a working user bus;
 *   <li>none: gateways run in the foreground.
 * </ol>
 */
public final class ServiceManagerResolver {
  public static final String OVERRIDE = "HERMES_SERVICE_MANAGER";

  private final List<Candidate> ranked;

  public ServiceManagerResolver(List<Candidate> ranked) {
    this.ranked = List.copyOf(ranked);
  }

  public static ServiceManagerResolver standard() {
    return new ServiceManagerResolver(
        List.of(
            new S6ContainerCandidate(),
            new S6LocalCandidate(),
            new HostCandidate(ServiceManagerKind.WINDOWS),
            new HostCandidate(ServiceManagerKind.LAUNCHD),
            new HostCandidate(ServiceManagerKind.SYSTEMD),
            new HostCandidate(ServiceManagerKind.NONE)));
  }

  public List<Candidate> candidates() {
    return ranked;
  }

  public ServiceManager resolve(SupervisionEnvironment environment) {
    String override = environment.getenv(OVERRIDE);
    if (override != null) {
      ServiceManagerKind kind =
          ServiceManagerKind.parse(override)
              .orElseThrow(
                  () ->
                      new SupervisionException(
                          OVERRIDE
                              + " must be one of "
                              + Arrays.stream(ServiceManagerKind.values())
                                  .map(ServiceManagerKind::label)
                                  .collect(Collectors.joining(", "))
                              + "; got '"
                              + override
                              + "'"));
      if (kind == ServiceManagerKind.S6) {
        return S6ContainerCandidate.isS6Container(environment)
            ? S6Backends.container(environment)
            : S6Backends.local(environment);
      }
      return new HostCandidate(kind).create(environment);
    }
    for (Candidate candidate : ranked) {
      if (candidate.applies(environment)) {
        return candidate.create(environment);
      }
    }
    return new HostCandidate(ServiceManagerKind.NONE).create(environment);
  }
}

package dev.hermes.supervision.resolve;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.SupervisionException;
import dev.hermes.supervision.none.NoServiceManager;
import dev.hermes.supervision.s6.S6Backends;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the service manager, first match wins:
 *
 * <ol>
 *   <li>{@code HERMES_SERVICE_MANAGER} names one explicitly (s6, systemd, launchd, windows, none);
 *   <li>s6 as the container's supervisor ({@link S6ContainerCandidate}, priority 50);
 *   <li>s6 under a live {@code hermes up} for this HERMES_HOME ({@link S6LocalCandidate}, 40);
 *   <li>then the host's own init: Windows ({@link WindowsCandidate}, 30), launchd ({@link
 *       LaunchdCandidate}, 20), systemd with a working user bus ({@link SystemdCandidate}, 10);
 *   <li>none: gateways run in the foreground ({@link NoneCandidate}, 0, always applies).
 * </ol>
 *
 * The standard candidates are ranked by their {@link Candidate#priority()}, highest first.
 */
public final class ServiceManagerResolver {
  public static final String OVERRIDE = "HERMES_SERVICE_MANAGER";

  /** What an explicit {@value #OVERRIDE} other than s6 builds, whether it applies or not. */
  private static final List<Candidate> HOST =
      List.of(
          new WindowsCandidate(),
          new LaunchdCandidate(),
          new SystemdCandidate(),
          new NoneCandidate());

  private final List<Candidate> ranked;

  public ServiceManagerResolver(List<Candidate> ranked) {
    this.ranked = List.copyOf(ranked);
  }

  public static ServiceManagerResolver standard() {
    return new ServiceManagerResolver(
        List.of(
                new S6ContainerCandidate(),
                new S6LocalCandidate(),
                new WindowsCandidate(),
                new LaunchdCandidate(),
                new SystemdCandidate(),
                new NoneCandidate())
            .stream()
            .sorted(Comparator.comparingInt(Candidate::priority).reversed())
            .toList());
  }

  /**
   * The manager of a HERMES_HOME that nothing supervises and nothing should (a throwaway home):
   * every gateway is not supervised and lifecycle requests advise the foreground.
   */
  public static ServiceManager unsupervised() {
    return new NoServiceManager();
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
      return HOST.stream()
          .filter(candidate -> candidate.kind() == kind)
          .findFirst()
          .orElseThrow()
          .create(environment);
    }
    for (Candidate candidate : ranked) {
      if (candidate.applies(environment)) {
        return candidate.create(environment);
      }
    }
    return new NoneCandidate().create(environment);
  }
}

package dev.hermes.cli.doctor;

import dev.hermes.core.FileRefusedException;
import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.Profile;
import dev.hermes.core.state.DesiredState;
import dev.hermes.core.state.ReportedState;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the supervisor says about each profile's gateway, against what the operator asked for
 * ({@code desired_state}): how many are up, which are held down and why, and which have drifted
 * from the wish. A profile whose supervisor status cannot be read gets a warning of its own; the
 * others are still examined.
 */
final class GatewayChecks {
  private GatewayChecks() {}

  static void run(ServiceManager manager, List<Profile> profiles, DoctorReport report) {
    int up = 0;
    List<Check> findings = new ArrayList<>();
    List<GatewayStatus> all = allAtOnce(manager, profiles);
    for (int i = 0; i < profiles.size(); i++) {
      Profile profile = profiles.get(i);
      GatewayStatus status;
      try {
        status = all != null ? all.get(i) : manager.status(profile.name());
      } catch (RuntimeException e) {
        findings.add(
            warn(
                profile.name(),
                profile.name() + ": supervisor status unavailable: " + e.getMessage()));
        continue;
      }
      if (status.up()) {
        up++;
      }
      finding(profile, status).ifPresent(findings::add);
    }
    report.add(
        Check.ok(
            Check.SUPERVISION,
            "gateways",
            "Per-profile gateways: " + up + "/" + profiles.size() + " supervised up"));
    findings.forEach(report::add);
  }

  /** Every status in one call (fast); null when that fails, so each profile is asked alone. */
  private static List<GatewayStatus> allAtOnce(ServiceManager manager, List<Profile> profiles) {
    try {
      return manager.statusAll(profiles.stream().map(Profile::name).toList());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * At most one line per profile, the most telling first: a gateway held down (crash loop, fatal
   * configuration, failed start) explains its drift, so the drift is not repeated. A gateway the
   * operator stopped is not reported as failed: that failure is history they already acted on. A
   * gateway whose desired state is running but that is not up (held or merely down) counts against
   * the container's health; one that is up but not ready yet (starting) does not.
   */
  static Optional<Check> finding(Profile profile, GatewayStatus status) {
    String name = profile.name();
    Map<String, Object> state;
    try {
      state = profile.state().read();
    } catch (FileRefusedException e) {
      return Optional.of(
          warn(name, name + ": gateway_state.json cannot be used (bad-config): " + e.getMessage()));
    }
    DesiredState desired =
        DesiredState.parse(state.get(GatewayStateFile.DESIRED_STATE)).orElse(null);
    boolean wantedStopped = desired == DesiredState.STOPPED;
    boolean wantedRunning = desired == DesiredState.RUNNING;
    Check found = null;
    if (!status.up() && !wantedStopped) {
      if (status.failure() != null) {
        found = warn(name, name + ": " + status.failure());
      } else if (ReportedState.STARTUP_FAILED
          .word()
          .equals(state.get(GatewayStateFile.GATEWAY_STATE))) {
        String reason = text(state, GatewayStateFile.EXIT_REASON);
        found =
            warn(
                name,
                name + ": startup failed: " + (reason == null ? "no reason recorded" : reason));
      }
    }
    if (found == null && wantedRunning && !status.up()) {
      found = warn(name, name + ": desired_state running but the gateway is down");
    }
    if (found != null) {
      return Optional.of(wantedRunning ? found.unhealthy() : found);
    }
    if (wantedStopped && status.up()) {
      return Optional.of(warn(name, name + ": desired_state stopped but the gateway is up"));
    }
    return Optional.empty();
  }

  private static String text(Map<String, Object> state, String field) {
    Object value = state.get(field);
    return value == null ? null : String.valueOf(value);
  }

  private static Check warn(String profile, String message) {
    return Check.warn(Check.SUPERVISION, "gateway:" + profile, message);
  }
}

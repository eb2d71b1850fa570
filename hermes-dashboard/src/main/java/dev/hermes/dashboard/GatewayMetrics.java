package dev.hermes.dashboard;

import dev.hermes.core.ProcessUsage;
import dev.hermes.core.state.ActualState;
import dev.hermes.core.state.Death;
import dev.hermes.core.state.DesiredState;
import dev.hermes.supervision.GatewayOverview;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * {@code /metrics}: one overview snapshot in the Prometheus text format, the same rows the page
 * shows. docs/metrics.md lists every family; a value the overview does not know (the memory of a
 * gateway that is down, the exit code of one that never ran) is left out rather than given as 0.
 */
final class GatewayMetrics {
  private static final String PROFILE = "profile";

  private GatewayMetrics() {}

  static byte[] render(OverviewCache.Snapshot snapshot) {
    List<GatewayOverview> rows = snapshot.rows();
    List<ProcessUsage> usage = snapshot.usage();
    PrometheusText text = new PrometheusText();

    flag(
        text, rows, "hermes_gateway_up", "1 when the gateway's process runs.", GatewayOverview::up);
    flag(
        text,
        rows,
        "hermes_gateway_ready",
        "1 when the gateway runs and signalled readiness.",
        GatewayOverview::ready);
    flag(
        text,
        rows,
        "hermes_gateway_desired_running",
        "1 when the operator asked for it to run (desired_state running).",
        r -> r.desired() == DesiredState.RUNNING);
    text.family(
        "hermes_gateway_state",
        "gauge",
        "1 for the gateway's actual state (one word of docs/cli.md), 0 for the others.");
    for (GatewayOverview row : rows) {
      for (ActualState state : ActualState.values()) {
        text.sample(
            "hermes_gateway_state",
            row.actual() == state ? 1 : 0,
            PROFILE,
            row.profile(),
            "state",
            state.word());
      }
    }
    flag(
        text,
        rows,
        "hermes_gateway_held_down",
        "1 when the supervisor holds it down (crash-loop or failed) until it is started again.",
        r -> r.actual().held());
    each(
        text,
        rows,
        "hermes_gateway_restarts_total",
        "counter",
        "Exits of the gateway since its supervisor registered it.",
        r -> r.restarts());

    text.family(
        "hermes_gateway_start_time_seconds",
        "gauge",
        "When the running process started, in seconds since the epoch.");
    long now = snapshot.generatedAt().getEpochSecond();
    for (int i = 0; i < rows.size(); i++) {
      GatewayOverview row = rows.get(i);
      ProcessUsage u = usage.get(i);
      if (u != null && u.startEpochSeconds() > 0) {
        text.sample(
            "hermes_gateway_start_time_seconds", u.startEpochSeconds(), PROFILE, row.profile());
      } else if (row.up() && row.uptimeSeconds() >= 0) {
        text.sample(
            "hermes_gateway_start_time_seconds", now - row.uptimeSeconds(), PROFILE, row.profile());
      }
    }

    text.family(
        "hermes_gateway_last_exit_code",
        "gauge",
        "Exit code of the gateway's last run; absent while it runs, before it ever ran, and when"
            + " a signal ended it.");
    for (GatewayOverview row : rows) {
      OptionalInt code = row.lastExitCode();
      if (code.isPresent()) {
        text.sample("hermes_gateway_last_exit_code", code.getAsInt(), PROFILE, row.profile());
      }
    }
    text.family(
        "hermes_gateway_last_death_time_seconds",
        "gauge",
        "When the gateway's last process ended, in seconds since the epoch, by the cause its"
            + " supervisor recorded (s6 only; also while the next run is up).");
    for (GatewayOverview row : rows) {
      Death death = row.lastDeath();
      if (death != null) {
        text.sample(
            "hermes_gateway_last_death_time_seconds",
            death.epochSecond(),
            PROFILE,
            row.profile(),
            "cause",
            death.cause().code());
      }
    }
    text.family(
        "hermes_gateway_backoff_seconds",
        "gauge",
        "Seconds until the supervisor restarts the gateway after a crash (0: it does not say);"
            + " absent when it is not waiting.");
    for (GatewayOverview row : rows) {
      if (row.backoffSeconds() >= 0) {
        text.sample("hermes_gateway_backoff_seconds", row.backoffSeconds(), PROFILE, row.profile());
      }
    }

    text.family(
        "hermes_gateway_resident_memory_bytes",
        "gauge",
        "Resident memory of the running gateway process (VmRSS).");
    for (int i = 0; i < rows.size(); i++) {
      ProcessUsage u = usage.get(i);
      if (u != null && u.rssBytes() >= 0) {
        text.sample(
            "hermes_gateway_resident_memory_bytes", u.rssBytes(), PROFILE, rows.get(i).profile());
      }
    }
    text.family(
        "hermes_gateway_cpu_seconds_total",
        "counter",
        "User and system CPU time of the running gateway process; starts again at each restart.");
    for (int i = 0; i < rows.size(); i++) {
      ProcessUsage u = usage.get(i);
      if (u != null) {
        text.sample(
            "hermes_gateway_cpu_seconds_total", u.cpuSeconds(), PROFILE, rows.get(i).profile());
      }
    }

    text.family(
        "hermes_gateway_log_lines_dropped_total",
        "counter",
        "Log lines the running gateway lost because its log would not take them (a blocked"
            + " logger, most often a full disk); s6 only; starts again at each restart.");
    for (GatewayOverview row : rows) {
      if (row.logLinesDropped() >= 0) {
        text.sample(
            "hermes_gateway_log_lines_dropped_total",
            row.logLinesDropped(),
            PROFILE,
            row.profile());
      }
    }

    fleet(text, snapshot);
    return text.bytes();
  }

  private static void fleet(PrometheusText text, OverviewCache.Snapshot snapshot) {
    Map<ActualState, Integer> byState = new EnumMap<>(ActualState.class);
    for (ActualState state : ActualState.values()) {
      byState.put(state, 0);
    }
    snapshot.rows().forEach(r -> byState.merge(r.actual(), 1, Integer::sum));
    text.family("hermes_gateways", "gauge", "Gateways in each actual state.");
    byState.forEach((state, n) -> text.sample("hermes_gateways", n, "state", state.word()));
    text.family("hermes_profiles", "gauge", "Profiles, one gateway each.");
    text.sample("hermes_profiles", snapshot.rows().size());
    text.family(
        "hermes_gateways_desired_running",
        "gauge",
        "Gateways the operator asked to run (desired_state running).");
    text.sample(
        "hermes_gateways_desired_running",
        snapshot.rows().stream().filter(r -> r.desired() == DesiredState.RUNNING).count());

    Object dropped = snapshot.own().get(Dashboard.LOG_LINES_DROPPED);
    if (dropped instanceof Number n) {
      text.family(
          "hermes_dashboard_log_lines_dropped_total",
          "counter",
          "Lines the dashboard's own log could not write (its log pipe was blocked).");
      text.sample("hermes_dashboard_log_lines_dropped_total", n.doubleValue());
    }
    text.family(
        "hermes_overview_compute_seconds",
        "gauge",
        "How long computing the overview these metrics come from took.");
    text.sample("hermes_overview_compute_seconds", snapshot.computeMillis() / 1000.0);
  }

  private static void flag(
      PrometheusText text,
      List<GatewayOverview> rows,
      String name,
      String help,
      Predicate<GatewayOverview> test) {
    each(text, rows, name, "gauge", help, r -> test.test(r) ? 1 : 0);
  }

  private static void each(
      PrometheusText text,
      List<GatewayOverview> rows,
      String name,
      String type,
      String help,
      ToDoubleFunction<GatewayOverview> value) {
    text.family(name, type, help);
    for (GatewayOverview row : rows) {
      text.sample(name, value.applyAsDouble(row), PROFILE, row.profile());
    }
  }
}

package dev.hermes.dashboard;

import dev.hermes.core.JsonValues;
import dev.hermes.core.ProcessUsage;
import dev.hermes.core.ProcessUsageReader;
import dev.hermes.supervision.GatewayOverview;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The rows, computed at most once per {@code maxAge} however many pages poll, and shared by all of
 * them as ready-made JSON; {@code /metrics} is rendered from the same computation. A change made
 * through the dashboard drops it at once. The dashboard's own fields (manager, refresh interval,
 * its dropped log lines) are read at each computation, and so is the CPU and memory of every
 * running gateway.
 */
final class OverviewCache {
  /**
   * One computation: the rows, the JSON every client gets, and how long computing it took.
   *
   * @param usage for each row, its process's CPU and memory, or null when it is not running or they
   *     are unknown
   * @param own the dashboard's own fields of the JSON
   */
  record Snapshot(
      List<GatewayOverview> rows,
      List<ProcessUsage> usage,
      Map<String, Object> own,
      Instant generatedAt,
      byte[] json,
      long takenNanos,
      long computeMillis) {}

  private final Supplier<List<GatewayOverview>> rows;
  private final Duration maxAge;
  private final Supplier<Map<String, Object>> ownFields;
  private final ProcessUsageReader processes;
  private final LongSupplier nanos;
  private final Clock clock;
  private Snapshot current;

  OverviewCache(
      Supplier<List<GatewayOverview>> rows,
      Duration maxAge,
      Supplier<Map<String, Object>> ownFields,
      ProcessUsageReader processes,
      LongSupplier nanos,
      Clock clock) {
    this.rows = rows;
    this.maxAge = maxAge;
    this.ownFields = ownFields;
    this.processes = processes;
    this.nanos = nanos;
    this.clock = clock;
  }

  /** The current snapshot; the caller that finds it stale computes it, the others wait for it. */
  synchronized Snapshot get() {
    long now = nanos.getAsLong();
    if (current == null || now - current.takenNanos() >= maxAge.toNanos()) {
      List<GatewayOverview> list = rows.get();
      List<ProcessUsage> usage = new ArrayList<>(list.size());
      List<Map<String, Object>> gateways = new ArrayList<>(list.size());
      for (GatewayOverview row : list) {
        ProcessUsage u = row.up() ? processes.read(row.pid()).orElse(null) : null;
        usage.add(u);
        Map<String, Object> json = row.toJson();
        json.put("cpu_seconds", u == null ? null : u.cpuSeconds());
        json.put("rss_bytes", u == null || u.rssBytes() < 0 ? null : u.rssBytes());
        gateways.add(json);
      }
      long computed = nanos.getAsLong();
      Map<String, Object> own = ownFields.get();
      Instant generatedAt = clock.instant();
      Map<String, Object> body = new LinkedHashMap<>(own);
      body.put("generated_at", generatedAt.toString());
      body.put("compute_ms", (computed - now) / 1_000_000);
      body.put("gateways", gateways);
      current =
          new Snapshot(
              List.copyOf(list),
              Collections.unmodifiableList(usage),
              Collections.unmodifiableMap(new LinkedHashMap<>(own)),
              generatedAt,
              JsonValues.toBytes(body),
              computed,
              (computed - now) / 1_000_000);
    }
    return current;
  }

  synchronized void invalidate() {
    current = null;
  }
}

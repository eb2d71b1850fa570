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
 * them as ready-made JSON ({@code /api/gateways} and every page's event stream); {@code /metrics}
 * is rendered from the same computation. A change made through the dashboard drops it at once. The
 * dashboard's own fields (manager, refresh interval, its dropped log lines) are read at each
 * computation, and so is the CPU and memory of every running gateway.
 */
final class OverviewCache {
  /**
   * One computation: the rows with their processes' readings, and how long computing them took. The
   * JSON and the metrics text are each written at their first request, once, so a page alone never
   * pays for the text nor a scraper alone for the JSON.
   */
  static final class Snapshot {
    private final List<GatewayOverview> rows;
    private final List<ProcessUsage> usage;
    private final Map<String, Object> own;
    private final Instant generatedAt;
    private final long takenNanos;
    private final long computeMillis;
    private byte[] json;
    private byte[] metrics;

    Snapshot(
        List<GatewayOverview> rows,
        List<ProcessUsage> usage,
        Map<String, Object> own,
        Instant generatedAt,
        long takenNanos,
        long computeMillis) {
      this.rows = rows;
      this.usage = usage;
      this.own = own;
      this.generatedAt = generatedAt;
      this.takenNanos = takenNanos;
      this.computeMillis = computeMillis;
    }

    List<GatewayOverview> rows() {
      return rows;
    }

    /**
     * For each row, its process's CPU and memory, or null when it is not running or they are
     * unknown.
     */
    List<ProcessUsage> usage() {
      return usage;
    }

    /** The dashboard's own fields of the JSON. */
    Map<String, Object> own() {
      return own;
    }

    Instant generatedAt() {
      return generatedAt;
    }

    long takenNanos() {
      return takenNanos;
    }

    long computeMillis() {
      return computeMillis;
    }

    /** What {@code /api/gateways} answers: the own fields, then one object per gateway. */
    synchronized byte[] json() {
      if (json == null) {
        List<Map<String, Object>> gateways = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
          ProcessUsage u = usage.get(i);
          Map<String, Object> row = rows.get(i).toJson();
          row.put("cpu_seconds", u == null ? null : u.cpuSeconds());
          row.put("rss_bytes", u == null || u.rssBytes() < 0 ? null : u.rssBytes());
          gateways.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>(own);
        body.put("generated_at", generatedAt.toString());
        body.put("compute_ms", computeMillis);
        body.put("gateways", gateways);
        json = JsonValues.toBytes(body);
      }
      return json;
    }

    /** What {@code /metrics} answers ({@link GatewayMetrics}). */
    synchronized byte[] metrics() {
      if (metrics == null) {
        metrics = GatewayMetrics.render(this);
      }
      return metrics;
    }
  }

  private final Supplier<List<GatewayOverview>> rows;
  private final Duration maxAge;
  private final Supplier<Map<String, Object>> ownFields;
  private final ProcessUsageReader processes;
  private final LongSupplier nanos;
  private final Clock clock;
  private Snapshot current;
  private Runnable onInvalidate = () -> {};

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
      for (GatewayOverview row : list) {
        usage.add(row.up() ? processes.read(row.pid()).orElse(null) : null);
      }
      long computed = nanos.getAsLong();
      current =
          new Snapshot(
              List.copyOf(list),
              Collections.unmodifiableList(usage),
              Collections.unmodifiableMap(new LinkedHashMap<>(ownFields.get())),
              clock.instant(),
              computed,
              (computed - now) / 1_000_000);
    }
    return current;
  }

  /** Computed now, whatever the age of the current one (the event stream saw a change). */
  synchronized Snapshot fresh() {
    current = null;
    return get();
  }

  synchronized void invalidate() {
    current = null;
    onInvalidate.run();
  }

  /** Told at each {@link #invalidate}: the event stream sends the change at once. */
  synchronized void onInvalidate(Runnable listener) {
    onInvalidate = listener;
  }
}

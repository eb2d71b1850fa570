package dev.hermes.dashboard;

import dev.hermes.core.JsonValues;
import dev.hermes.supervision.GatewayOverview;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The rows, computed at most once per {@code maxAge} however many pages poll, and shared by all of
 * them as ready-made JSON ({@code /api/gateways} and every page's event stream). A change made
 * through the dashboard drops it at once. The dashboard's own fields (manager, refresh interval,
 * its dropped log lines) are read at each computation.
 */
final class OverviewCache {
  /** One computation: the JSON every client gets, and how long computing it took. */
  record Snapshot(byte[] json, long takenNanos, long computeMillis) {}

  private final Supplier<List<GatewayOverview>> rows;
  private final Duration maxAge;
  private final Supplier<Map<String, Object>> ownFields;
  private final LongSupplier nanos;
  private final Clock clock;
  private Snapshot current;
  private Runnable onInvalidate = () -> {};

  OverviewCache(
      Supplier<List<GatewayOverview>> rows,
      Duration maxAge,
      Supplier<Map<String, Object>> ownFields,
      LongSupplier nanos,
      Clock clock) {
    this.rows = rows;
    this.maxAge = maxAge;
    this.ownFields = ownFields;
    this.nanos = nanos;
    this.clock = clock;
  }

  /** The current snapshot; the caller that finds it stale computes it, the others wait for it. */
  synchronized Snapshot get() {
    long now = nanos.getAsLong();
    if (current == null || now - current.takenNanos() >= maxAge.toNanos()) {
      List<GatewayOverview> list = rows.get();
      long computed = nanos.getAsLong();
      Map<String, Object> body = new LinkedHashMap<>(ownFields.get());
      body.put("generated_at", clock.instant().toString());
      body.put("compute_ms", (computed - now) / 1_000_000);
      body.put("gateways", list.stream().map(GatewayOverview::toJson).toList());
      current = new Snapshot(JsonValues.toBytes(body), computed, (computed - now) / 1_000_000);
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

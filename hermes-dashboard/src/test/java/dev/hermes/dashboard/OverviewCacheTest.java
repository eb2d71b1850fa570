package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.ProcessUsageReader;
import dev.hermes.core.state.ActualState;
import dev.hermes.core.state.DesiredState;
import dev.hermes.supervision.GatewayOverview;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OverviewCacheTest {
  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger computed = new AtomicInteger();
  private final OverviewCache cache =
      new OverviewCache(
          () -> {
            computed.incrementAndGet();
            return List.of(
                new GatewayOverview(
                    "default",
                    DesiredState.RUNNING,
                    ActualState.READY,
                    null,
                    null,
                    true,
                    true,
                    true,
                    9,
                    3,
                    0,
                    8642,
                    null,
                    -1,
                    null,
                    null,
                    -1));
          },
          Duration.ofMillis(500),
          () -> Map.of("refresh_ms", 1000),
          new ProcessUsageReader(Path.of("no-proc-here"), now::get),
          now::get,
          Clock.systemUTC());

  @Test
  void oneComputationServesEveryCallerUntilItIsTooOld() {
    String first = new String(cache.get().json(), StandardCharsets.UTF_8);
    now.addAndGet(Duration.ofMillis(499).toNanos());
    cache.get();
    assertThat(computed).hasValue(1);
    now.addAndGet(Duration.ofMillis(1).toNanos());
    cache.get();
    assertThat(computed).hasValue(2);
    assertThat(first)
        .contains("\"profile\":\"default\"", "\"refresh_ms\":1000", "\"generated_at\":")
        // A process the reader cannot see: its CPU and memory are unknown, not zero.
        .contains("\"cpu_seconds\":null", "\"rss_bytes\":null");
  }

  @Test
  void theJsonAndTheMetricsTextAreWrittenOncePerComputation() {
    OverviewCache.Snapshot snapshot = cache.get();
    assertThat(cache.get().metrics()).isSameAs(snapshot.metrics());
    assertThat(cache.get().json()).isSameAs(snapshot.json());
    assertThat(new String(snapshot.metrics(), StandardCharsets.UTF_8))
        .contains("hermes_gateway_ready{profile=\"default\"} 1\n");
    assertThat(computed).hasValue(1);
  }

  @Test
  void invalidatingForcesTheNextCallToRecompute() {
    cache.get();
    cache.invalidate();
    cache.get();
    assertThat(computed).hasValue(2);
  }
}

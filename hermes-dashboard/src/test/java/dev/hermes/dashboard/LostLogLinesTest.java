package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the dashboard says about its own log when that log cannot be written. */
class LostLogLinesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  @Test
  void aDashboardWhoseLogIsGoneKeepsAnsweringAndCountsTheLostLines() {
    // The logger's end of the pipe is closed: every write fails, as with EPIPE.
    OutputStream gone =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    TestDashboards fixture = new TestDashboards(root).withProfiles("alpha").withLogStream(gone);
    try (Dashboard dashboard = fixture.start(AccessPolicy.open())) {
      // At least "listening on ..." was lost; the overview is recomputed twice a second.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                RawHttp.Response r = RawHttp.to(dashboard.port()).get("/api/gateways");
                assertThat(r.status()).isEqualTo(200);
                assertThat(JSON.readTree(r.body()).get("log_lines_dropped").asLong()).isPositive();
              });
      assertThat(dashboard.logLinesDropped()).isPositive();
    }
  }
}

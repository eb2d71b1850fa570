package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway whose stdout never takes a byte, as when s6-log cannot write to a full disk and the
 * pipe fills: it still starts, reports ready, answers every request and stops, and says how many
 * lines it lost.
 */
class BlockedLogIT {
  // Generous bounds: they tell "answers" from "hangs", not fast from slow.
  private static final Duration ANSWERS = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  private final CountDownLatch unblock = new CountDownLatch(1);
  private final ExecutorService clients = Executors.newFixedThreadPool(4);
  private FakeModelServer model;
  private InProcessGateway gateway;

  @AfterEach
  void stopAll() throws Exception {
    unblock.countDown();
    clients.shutdownNow();
    if (gateway != null) {
      gateway.close();
    }
    if (model != null) {
      model.close();
    }
  }

  @Test
  void aGatewayWhoseLogBlocksKeepsServingAndCountsTheLostLines() throws Exception {
    model = new FakeModelServer();
    int port = TestProfiles.freePort();
    gateway =
        InProcessGateway.start(
            TestProfiles.create(
                root,
                "coder",
                TestProfiles.gatewayConfig(port, model.baseUrl("ok"), "test-model", 5)),
            new NeverWritten(unblock));
    assertThat(gateway.exited()).as("started and ready with its log blocked").isFalse();
    GatewayClient client = new GatewayClient(port);

    // Every relayed message logs a line: far more than the log holds.
    Future<?>[] load = new Future<?>[4];
    for (int t = 0; t < load.length; t++) {
      load[t] =
          clients.submit(
              () -> {
                for (int i = 0; i < 300; i++) {
                  assertThat(client.postJson("/v1/messages", "{\"message\":\"hi\"}").status())
                      .isEqualTo(200);
                }
                return null;
              });
    }
    for (Future<?> f : load) {
      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> f.get());
    }

    assertThat(assertTimeoutPreemptively(ANSWERS, () -> client.get("/health").status()))
        .isEqualTo(200);
    long dropped =
        JSON.readTree(assertTimeoutPreemptively(ANSWERS, () -> client.get("/status")).body())
            .get("log_lines_dropped")
            .asLong();
    assertThat(dropped).isGreaterThan(0);

    // A stop is not held up by the blocked log beyond its short bound.
    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> gateway.stop())).isZero();
    await().atMost(ANSWERS).until(() -> !client.healthy());
  }

  /** A pipe nobody reads: every write waits until the test ends. */
  private static final class NeverWritten extends OutputStream {
    private final CountDownLatch unblock;

    NeverWritten(CountDownLatch unblock) {
      this.unblock = unblock;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        unblock.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
    }
  }
}

package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.testing.Required;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway under real s6 whose log directory is a full disk: a 2 MB tmpfs mounted as {@code
 * logs/gateways/full}, filled to the last byte. s6-log then stops reading, the pipe fills, and the
 * gateway must keep answering, stay ready, stop and start again, and count what it could not log.
 * Needs root to mount the tmpfs (CI runs as root); skipped otherwise, as is a root that may not
 * mount (a container without CAP_SYS_ADMIN).
 */
class FullLogDiskIT {
  private static final String PROFILE = "full";
  private static final Duration READY = Duration.ofSeconds(60);
  // Generous: they tell "answers" from "hangs" (before this was fixed, every request hung).
  private static final Duration ANSWER = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  @TempDir Path scratch;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(ANSWER).build();
  private final ExecutorService clients = Executors.newFixedThreadPool(4);
  private final AtomicLong slowestHealthMillis = new AtomicLong();
  private HermesCli cli;
  private HermesUp up;
  private Path logDir;
  private Path filler;
  private boolean mounted;

  @BeforeEach
  void setUp() throws Exception {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    assumeTrue(HostCommands.isRoot(), "running as root, so a tmpfs can be mounted");
    cli = new HermesCli(home, scratch).env("HERMES_DASHBOARD", "0");
    int base = 21000 + ThreadLocalRandom.current().nextInt(10) * 100;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 99) + "\"\n");
    // Mounted before the profile exists, so its s6-log opens its directory on the tmpfs.
    logDir = Files.createDirectories(home.resolve("logs/gateways").resolve(PROFILE));
    filler = logDir.resolve("filler");
    String failure =
        HostCommands.run("mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", logDir);
    Assumptions.assumeTrue(failure == null, () -> "cannot mount a tmpfs here: " + failure);
    mounted = true;
  }

  @AfterEach
  void tearDown() throws Exception {
    clients.shutdownNow();
    try {
      if (mounted) {
        // A logger that cannot write does not exit: give it room first.
        Files.deleteIfExists(filler);
      }
      if (up != null) {
        if (up.isAlive()) {
          up.stop(Duration.ofSeconds(90));
        }
        up.close();
      }
    } finally {
      if (mounted) {
        String failure = HostCommands.run("umount", logDir);
        if (failure != null) {
          // Still busy: detach it now, so nothing stays mounted after the test.
          assertThat(HostCommands.run("umount", "-l", logDir)).isNull();
        }
      }
    }
  }

  @Test
  void aGatewayWhoseLogDiskIsFullKeepsServingStaysReadyAndRestarts() throws Exception {
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    cli.ok("profile", "create", PROFILE);
    // Every message then fails fast and logs a warning naming this long URL: the pipe fills
    // after a few dozen lines instead of thousands.
    Path config = home.resolve("profiles").resolve(PROFILE).resolve("config.yaml");
    Files.writeString(
        config,
        Files.readString(config)
            + "model:\n  base_url: http://127.0.0.1:"
            + closedPort()
            + "/"
            + "a".repeat(1000)
            + "/v1\n  name: nothing\n");
    cli.ok("-p", PROFILE, "gateway", "start", "--wait");
    int port = cli.gateway(PROFILE).get("port").asInt();
    long firstPid = cli.gateway(PROFILE).get("pid").asLong();

    fillTheDisk();
    logUntilLinesAreDropped(port);
    assertThat(status(port).get("pid").asLong()).isEqualTo(firstPid);
    assertThat(HermesCli.ready(cli.gateway(PROFILE))).as("s6 still sees it ready").isTrue();
    // The count reaches status and /metrics through the slot's hermes-log-dropped, within the
    // second its writes are spaced by.
    await().atMost(ANSWER).until(() -> cli.gateway(PROFILE).get("log_lines_dropped").asLong() > 0);

    // The pipe is still full: the stop is clean, and the next gateway gets ready anyway.
    assertThat(cli.ok("-p", PROFILE, "gateway", "stop", "--wait"))
        .isEqualTo("✓ Stopped gateway-" + PROFILE + ": down\n");
    assertThat(Files.readString(config.resolveSibling("gateway_state.json")))
        .contains("\"gateway_state\" : \"stopped\"");
    assertThat(cli.ok("-p", PROFILE, "gateway", "start", "--wait"))
        .startsWith("✓ Started gateway-" + PROFILE + ": ready, PID ");
    long secondPid = cli.gateway(PROFILE).get("pid").asLong();
    assertThat(secondPid).isNotEqualTo(firstPid);
    assertThat(health(port)).isEqualTo(200);

    // Once the disk has room again, the log says what it missed. (2 MB: room for the pipe, the
    // batch that was being written and the notice, and for the queue after it.)
    long dropped = logUntilLinesAreDropped(port);
    Files.delete(filler);
    String notice = "gateway[" + PROFILE + " pid " + secondPid + "]: warning: ";
    await()
        .atMost(READY)
        .untilAsserted(
            () ->
                assertThat(logs())
                    .containsPattern(
                        Pattern.quote(notice)
                            + "\\d+ log lines dropped while the log was blocked"));
    assertThat(status(port).get("log_lines_dropped").asLong()).isGreaterThanOrEqualTo(dropped);
    assertThat(HermesCli.ready(cli.gateway(PROFILE))).isTrue();
    System.out.println(
        "FullLogDiskIT: slowest /health with the log disk full: "
            + slowestHealthMillis.get()
            + " ms");
  }

  /** Fills the tmpfs to the last block; s6-log's next write fails with ENOSPC. */
  private void fillTheDisk() throws IOException {
    try {
      Files.write(filler, new byte[8 * 1024 * 1024]);
      throw new AssertionError("a 2 MB tmpfs took 8 MB");
    } catch (IOException e) {
      // No space left on device: what we want.
    }
    assertThat(Files.getFileStore(logDir).getUsableSpace()).isLessThan(4096);
  }

  /**
   * Sends messages (each one logs a line) until the gateway reports dropped lines; every answer,
   * and /health between bursts, must come within {@link #ANSWER}. Returns the count.
   */
  private long logUntilLinesAreDropped(int port) {
    AtomicLong dropped = new AtomicLong();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              burst(port, 100);
              assertThat(health(port)).isEqualTo(200);
              dropped.set(status(port).get("log_lines_dropped").asLong());
              return dropped.get() > 0;
            });
    return dropped.get();
  }

  /** {@code perClient} messages from each of 4 clients at once; each must be answered. */
  private void burst(int port, int perClient) throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      running.add(
          clients.submit(
              () -> {
                for (int i = 0; i < perClient; i++) {
                  HttpResponse<String> answer =
                      send(
                          request(port, "/v1/messages")
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}"))
                              .build());
                  assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  private int health(int port) {
    long started = System.nanoTime();
    int status = send(request(port, "/health").GET().build()).statusCode();
    slowestHealthMillis.accumulateAndGet(
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Math::max);
    return status;
  }

  private JsonNode status(int port) throws IOException {
    return JSON.readTree(send(request(port, "/status").GET().build()).body());
  }

  private static HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(ANSWER);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.uri() + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Every log file s6-log keeps for the profile: {@code current} and the rotated ones. */
  private String logs() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path f : files.filter(f -> !f.equals(filler)).sorted().toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  /** A loopback port nothing listens on: the model endpoint refuses every connection. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/events} over real HTTP: the overview pushed, its cap, and the detail API. */
class EventStreamTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  private TestDashboards fixture;
  private Dashboard dashboard;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() {
    fixture = new TestDashboards(root).withProfiles("alpha", "beta");
    dashboard = fixture.start(AccessPolicy.open());
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    dashboard.close();
  }

  /** An open stream: the headers read, the reader at the first event. */
  private BufferedReader openStream() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), dashboard.port());
    sockets.add(socket);
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:" + dashboard.port() + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The next event's JSON (chunk sizes and comments skipped). */
  private static JsonNode nextEvent(BufferedReader in) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("data: ")) {
        return JSON.readTree(line.substring(6));
      }
    }
    throw new IOException("the stream ended");
  }

  private static String actualOf(JsonNode overview, String profile) {
    for (JsonNode g : overview.get("gateways")) {
      if (g.get("profile").asText().equals(profile)) {
        return g.get("actual").asText();
      }
    }
    return null;
  }

  @Test
  void theStreamStartsWithTheOverviewAndCarriesAChangeAtOnce() throws IOException {
    BufferedReader in = openStream();
    String head = in.readLine();
    assertThat(head).isEqualTo("HTTP/1.1 200 OK");
    List<String> headers = new ArrayList<>();
    for (String h = in.readLine(); !h.isEmpty(); h = in.readLine()) {
      headers.add(h.toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(headers)
        .contains("content-type: text/event-stream; charset=utf-8")
        .anyMatch(h -> h.startsWith("content-security-policy: default-src 'none'"));
    JsonNode first = nextEvent(in);
    assertThat(actualOf(first, "alpha")).isEqualTo("down");

    RawHttp.Response session = RawHttp.to(dashboard.port()).get("/api/session");
    String csrf = JSON.readTree(session.body()).get("csrf").asText();
    long sent = System.nanoTime();
    RawHttp.Response started =
        RawHttp.to(dashboard.port())
            .cookie(session.cookie())
            .sameOrigin()
            .header("X-CSRF-Token", csrf)
            .post("/api/gateways/alpha/start");
    assertThat(started.status()).isEqualTo(200);
    JsonNode next = nextEvent(in);
    while (!"ready".equals(actualOf(next, "alpha"))) {
      next = nextEvent(in);
    }
    // Not a timing budget (bench/dashboard measures that): only that it came without a poll.
    assertThat((System.nanoTime() - sent) / 1_000_000)
        .isLessThan(EventStream.FULL_REFRESH.toMillis());
  }

  @Test
  void pastTheCapOnStreamsTheAnswerIs503AndTheOthersStayOpen() throws IOException {
    List<BufferedReader> open = new ArrayList<>();
    for (int i = 0; i < EventStream.MAX_STREAMS; i++) {
      BufferedReader in = openStream();
      nextEvent(in);
      open.add(in);
    }
    RawHttp.Response refused = RawHttp.to(dashboard.port()).get("/api/events");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.body()).contains("too many open event streams");
    // The page and the API still answer: no handler thread is held by the streams.
    assertThat(RawHttp.to(dashboard.port()).get("/api/gateways").status()).isEqualTo(200);
  }

  @Test
  void theDetailSaysWhatTheProfileIsWithoutItsSecrets() throws IOException {
    Path config = fixture.home.profile("alpha").configFile();
    Files.writeString(
        config,
        Files.readString(config)
            + "model:\n  base_url: \"https://me:sk-hidden@models.example.test:8443/v1?key=sk-hidden\"\n"
            + "  name: small\n");
    Files.writeString(fixture.home.profile("alpha").envFile(), "MODEL_API_KEY=sk-hidden\n");
    RawHttp.Response r = RawHttp.to(dashboard.port()).get("/api/gateways/alpha/detail");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("sk-hidden");
    JsonNode detail = JSON.readTree(r.body());
    assertThat(detail.get("port").asInt()).isEqualTo(40100);
    assertThat(detail.get("model").get("base_url").asText())
        .isEqualTo("https://models.example.test:8443/v1");
    assertThat(detail.get("model").get("name").asText()).isEqualTo("small");
    assertThat(RawHttp.to(dashboard.port()).get("/api/gateways/nope/detail").status())
        .isEqualTo(404);
  }

  @Test
  void theLogIsFollowedByByteOffset() throws IOException {
    Path log = fixture.home.profile("alpha").logDir().resolve("current");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "one\ntwo\n");
    JsonNode first =
        JSON.readTree(RawHttp.to(dashboard.port()).get("/api/gateways/alpha/log?after=").body());
    assertThat(first.get("reset").asBoolean()).isTrue();
    assertThat(first.get("lines").toString()).isEqualTo("[\"one\",\"two\"]");
    long offset = first.get("offset").asLong();
    Files.writeString(
        log, "one\ntwo\nthree\nhalf", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    JsonNode next =
        JSON.readTree(
            RawHttp.to(dashboard.port()).get("/api/gateways/alpha/log?after=" + offset).body());
    assertThat(next.get("reset").asBoolean()).isFalse();
    // A line still being written waits for its end.
    assertThat(next.get("lines").toString()).isEqualTo("[\"three\"]");
    assertThat(next.get("offset").asLong()).isEqualTo("one\ntwo\nthree\n".length());
    assertThat(RawHttp.to(dashboard.port()).get("/api/gateways/alpha/log?after=x").status())
        .isEqualTo(400);
    RawHttp.Response download =
        RawHttp.to(dashboard.port()).get("/api/gateways/alpha/log/download");
    assertThat(download.body()).isEqualTo("one\ntwo\nthree\nhalf");
    assertThat(download.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"gateway-alpha.log\"");
  }
}

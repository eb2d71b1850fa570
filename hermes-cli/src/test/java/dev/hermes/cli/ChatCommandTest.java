package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.core.HermesHome;
import dev.hermes.core.Profile;
import dev.hermes.gateway.FakeModelServer;
import dev.hermes.gateway.GatewayOptions;
import dev.hermes.gateway.GatewayRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatCommandTest {
  @TempDir Path home;
  FakeModelServer model;

  @BeforeEach
  void startModel() throws IOException {
    model = new FakeModelServer();
  }

  @AfterEach
  void stopModel() {
    model.close();
  }

  @Test
  void withoutARunningGatewayTheModelIsAskedDirectly() throws IOException {
    // The configured gateway port has nobody listening, so the health probe fails over.
    writeConfig(home, FakeModelServer.freePort(), model.baseUrl("ok"), 5);
    Files.writeString(home.resolve(".env"), "MODEL_API_KEY=sk-test\n");

    CliRun r = CliRun.run(home, "chat", "-q", "hello there");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(FakeModelServer.ANSWER + "\n");
    assertThat(model.lastBody())
        .contains("\"content\":\"hello there\"")
        .contains("\"role\":\"user\"");
    assertThat(model.lastAuthorization()).isEqualTo("Bearer sk-test");
  }

  @Test
  void anUnconfiguredModelSaysWhichKeysToSet() throws IOException {
    Files.writeString(
        home.resolve("config.yaml"), "gateway:\n  port: " + FakeModelServer.freePort() + "\n");

    CliRun r = CliRun.run(home, "chat", "-q", "hi");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "hermes: error: no model configured for profile 'default': set model.base_url and"
                + " model.name in "
                + home.resolve("config.yaml")
                + " (and MODEL_API_KEY in "
                + home.resolve(".env")
                + " if the endpoint needs a key)\n");
  }

  @Test
  void anUnreachableModelFailsWithOneLine() throws IOException {
    writeConfig(
        home,
        FakeModelServer.freePort(),
        "http://127.0.0.1:" + FakeModelServer.freePort() + "/v1",
        5);

    CliRun r = CliRun.run(home, "chat", "-q", "hi");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("hermes: error: model endpoint unreachable: ");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void anErrorAnswerFailsWithItsStatus() throws IOException {
    writeConfig(home, FakeModelServer.freePort(), model.baseUrl("error"), 5);

    CliRun r = CliRun.run(home, "chat", "-q", "hi");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("hermes: error: model endpoint answered 500\n");
  }

  @Test
  void aSlowModelTimesOutAfterTheConfiguredSeconds() throws IOException {
    writeConfig(home, FakeModelServer.freePort(), model.baseUrl("slow"), 1);

    CliRun r = CliRun.run(home, "chat", "-q", "hi");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("hermes: error: model endpoint did not answer within 1s\n");
  }

  @Test
  void theQueryIsRequiredAndMustNotBeEmpty() {
    CliRun missing = CliRun.run(home, "chat");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("hermes: error: Missing required option: '--query=TEXT'");

    CliRun empty = CliRun.run(home, "chat", "-q", " ");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).startsWith("hermes: error: -q must not be empty\n");
  }

  @Test
  void aRunningGatewayRelaysTheMessage() throws Exception {
    assertThat(CliRun.run(home, "profile", "create", "coder").code()).isZero();
    Path dir = home.resolve("profiles/coder");
    int port = FakeModelServer.freePort();
    writeConfig(dir, port, model.baseUrl("ok"), 5);
    Profile profile = new HermesHome(home).profile("coder");
    GatewayRunner runner = new GatewayRunner();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
    GatewayOptions options =
        GatewayOptions.defaults()
            .withEnvironment(Map.of())
            .withOutput(logStream, logStream)
            .withSignalHandling(false);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread = new Thread(() -> exit.complete(runner.run(profile, options)), "gateway-coder");
    thread.setDaemon(true);
    thread.start();
    try {
      awaitRunning(profile, exit);
      // The gateway keeps the model it started with; asked directly, this one would be refused.
      // The wildcard host must be reached through loopback.
      Files.writeString(
          dir.resolve("config.yaml"),
          "gateway:\n  host: 0.0.0.0\n  port: "
              + port
              + "\nmodel:\n  base_url: http://127.0.0.1:"
              + FakeModelServer.freePort()
              + "/v1\n  name: other\n");

      CliRun r = CliRun.run(home, "-p", "coder", "chat", "-q", "through the gateway");

      assertThat(r.err()).isEmpty();
      assertThat(r.code()).isZero();
      assertThat(r.out()).isEqualTo(FakeModelServer.ANSWER + "\n");
      assertThat(model.lastBody()).contains("through the gateway");
      // The gateway's log is written by its own thread, a moment after the event.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(log.toString(StandardCharsets.UTF_8))
                      .contains("relayed 1 message(s)"));
    } finally {
      runner.requestStop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }
  }

  private static void awaitRunning(Profile profile, CompletableFuture<Integer> exit) {
    await("gateway-" + profile.name() + " running")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              assertThat(exit.isDone())
                  .as(() -> "gateway did not start: exit " + exit.getNow(null))
                  .isFalse();
              return "running".equals(profile.state().read().get("gateway_state"));
            });
  }

  private static void writeConfig(Path dir, int gatewayPort, String baseUrl, int timeoutSeconds)
      throws IOException {
    Files.writeString(
        dir.resolve("config.yaml"),
        "gateway:\n  host: 127.0.0.1\n  port: "
            + gatewayPort
            + "\nmodel:\n  base_url: "
            + baseUrl
            + "\n  name: fake\n  timeout_seconds: "
            + timeoutSeconds
            + "\n");
  }
}

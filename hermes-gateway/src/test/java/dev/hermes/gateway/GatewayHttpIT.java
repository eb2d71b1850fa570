package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.core.Profile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP surface of a gateway running in the test JVM, relaying to a fake model endpoint. */
class GatewayHttpIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  private FakeModelServer model;
  private InProcessGateway gateway;
  private GatewayClient client;

  @BeforeEach
  void startModel() throws Exception {
    model = new FakeModelServer();
  }

  @AfterEach
  void stopAll() throws Exception {
    if (gateway != null) {
      gateway.close();
    }
    model.close();
  }

  private void startGateway(String config) {
    Profile profile = TestProfiles.create(root, "coder", config);
    TestProfiles.writeEnv(profile, "# the relay's key\nMODEL_API_KEY=\"sk-fake\"\n");
    gateway = InProcessGateway.start(profile);
    assertThat(gateway.exited()).as(gateway.output()).isFalse();
  }

  private int startGatewayFor(String behaviour, int timeoutSeconds) {
    int port = TestProfiles.freePort();
    startGateway(
        TestProfiles.gatewayConfig(port, model.baseUrl(behaviour), "test-model", timeoutSeconds));
    client = new GatewayClient(port);
    return port;
  }

  private static JsonNode json(GatewayClient.Answer answer) throws Exception {
    assertThat(answer.contentType()).isEqualTo("application/json");
    return JSON.readTree(answer.body());
  }

  @Test
  void healthAnswersOkOnceRunning() throws Exception {
    startGatewayFor("ok", 5);

    GatewayClient.Answer health = client.get("/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(json(health).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void statusNamesProfilePidStateUptimeVersionAndDroppedLogLines() throws Exception {
    startGatewayFor("ok", 5);

    JsonNode status = json(client.get("/status"));

    assertThat(status.get("profile").asText()).isEqualTo("coder");
    assertThat(status.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
    assertThat(status.get("state").asText()).isEqualTo("running");
    assertThat(status.get("uptime_seconds").isIntegralNumber()).isTrue();
    assertThat(status.get("version").asText()).isNotBlank();
    assertThat(status.get("log_lines_dropped").asLong()).isZero();
  }

  @Test
  void startupIsReportedInTheStateFileAndLogs() {
    startGatewayFor("ok", 5);

    assertThat(TestProfiles.state(gateway.profile()))
        .containsEntry("gateway_state", "running")
        .containsKeys("start_time", "updated_at", "version")
        .doesNotContainKeys("desired_state", "exit_reason");
    assertThat(String.valueOf(TestProfiles.state(gateway.profile()).get("pid")))
        .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
    assertThat(gateway.profile().pidFile())
        .hasContent(String.valueOf(ProcessHandle.current().pid()));
    // The log is written by its own thread, a moment after the event.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(gateway.output()).contains("]: info: listening on 127.0.0.1:"));
  }

  @Test
  void aMessageIsRelayedToTheModelWithKeyAndModelName() throws Exception {
    startGatewayFor("ok", 5);

    GatewayClient.Answer answer = client.postJson("/v1/messages", "{\"message\":\"hello\"}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode reply = json(answer);
    assertThat(reply.get("reply").asText()).isEqualTo("hello from the fake model");
    assertThat(reply.get("model").asText()).isEqualTo("fake-model-1");
    assertThat(model.lastAuthorization()).isEqualTo("Bearer sk-fake");
    JsonNode sent = JSON.readTree(model.lastBody());
    assertThat(sent.get("model").asText()).isEqualTo("test-model");
    assertThat(sent.at("/messages/0/role").asText()).isEqualTo("user");
    assertThat(sent.at("/messages/0/content").asText()).isEqualTo("hello");
  }

  @Test
  void aConversationIsRelayedAsGiven() throws Exception {
    startGatewayFor("ok", 5);

    GatewayClient.Answer answer =
        client.postJson(
            "/v1/messages",
            "{\"messages\":[{\"role\":\"system\",\"content\":\"terse\"},"
                + "{\"role\":\"user\",\"content\":\"hi\"}]}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(JSON.readTree(model.lastBody()).get("messages")).hasSize(2);
  }

  @Test
  void aSlowModelTimesOutWith504() throws Exception {
    startGatewayFor("slow", 1);

    GatewayClient.Answer answer = client.postJson("/v1/messages", "{\"message\":\"hello\"}");

    assertThat(answer.status()).isEqualTo(504);
    assertThat(json(answer).get("error").asText()).contains("did not answer within 1s");
  }

  @Test
  void aModelErrorBecomes502() throws Exception {
    startGatewayFor("error", 5);

    GatewayClient.Answer answer = client.postJson("/v1/messages", "{\"message\":\"hello\"}");

    assertThat(answer.status()).isEqualTo(502);
    assertThat(json(answer).get("error").asText()).isEqualTo("model endpoint answered 500");
  }

  @Test
  void malformedModelJsonBecomes502() throws Exception {
    startGatewayFor("garbage", 5);

    GatewayClient.Answer answer = client.postJson("/v1/messages", "{\"message\":\"hello\"}");

    assertThat(answer.status()).isEqualTo(502);
    assertThat(json(answer).get("error").asText()).contains("malformed JSON");
  }

  @Test
  void aModelAnswerWithoutContentBecomes502() throws Exception {
    startGatewayFor("empty", 5);

    GatewayClient.Answer answer = client.postJson("/v1/messages", "{\"message\":\"hello\"}");

    assertThat(answer.status()).isEqualTo(502);
    assertThat(json(answer).get("error").asText()).contains("choices[0].message.content");
  }

  @Test
  void anUnreachableModelBecomes502() throws Exception {
    int port = TestProfiles.freePort();
    int closedPort = TestProfiles.freePort();
    startGateway(
        TestProfiles.gatewayConfig(port, "http://127.0.0.1:" + closedPort + "/v1", "m", 5));
    client = new GatewayClient(port);

    GatewayClient.Answer answer = client.postJson("/v1/messages", "{\"message\":\"hello\"}");

    assertThat(answer.status()).isEqualTo(502);
    assertThat(json(answer).get("error").asText()).startsWith("model endpoint unreachable: ");
  }

  @Test
  void withoutAModelMessagesAnswer503WithWhatToSet() throws Exception {
    int port = TestProfiles.freePort();
    startGateway(TestProfiles.gatewayConfig(port));
    client = new GatewayClient(port);

    GatewayClient.Answer answer = client.postJson("/v1/messages", "{\"message\":\"hello\"}");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(json(answer).get("error").asText())
        .isEqualTo(
            "no model configured: set model.base_url and model.name in "
                + gateway.profile().configFile());
    assertThat(client.get("/health").status()).isEqualTo(200);
  }

  @Test
  void anOversizedBodyIs413AndTheGatewayStaysHealthy() throws Exception {
    startGatewayFor("ok", 5);
    byte[] twoMiB = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(twoMiB, (byte) 'a');

    GatewayClient.Answer answer = client.post("/v1/messages", "application/json", twoMiB);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(json(answer).get("error").asText()).contains("larger than");
    assertThat(client.get("/health").status()).isEqualTo(200);
  }

  @Test
  void invalidJsonIs400() throws Exception {
    startGatewayFor("ok", 5);

    GatewayClient.Answer answer = client.postJson("/v1/messages", "{\"message\": ");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(json(answer).get("error").asText()).startsWith("invalid JSON");
    assertThat(client.get("/health").status()).isEqualTo(200);
  }

  @Test
  void plainTextIs415() throws Exception {
    startGatewayFor("ok", 5);

    GatewayClient.Answer answer =
        client.post("/v1/messages", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).isEqualTo(415);
    assertThat(json(answer).get("error").asText()).contains("application/json");
    assertThat(client.get("/health").status()).isEqualTo(200);
  }

  @Test
  void aWrongMethodIs405AndAnUnknownPathIs404() throws Exception {
    startGatewayFor("ok", 5);

    GatewayClient.Answer getMessages = client.get("/v1/messages");
    GatewayClient.Answer postHealth = client.postJson("/health", "{}");
    GatewayClient.Answer unknown = client.get("/nope");
    GatewayClient.Answer prefix = client.get("/health/extra");

    assertThat(getMessages.status()).isEqualTo(405);
    assertThat(json(getMessages).get("error").asText()).contains("POST");
    assertThat(postHealth.status()).isEqualTo(405);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(json(unknown).has("error")).isTrue();
    assertThat(prefix.status()).isEqualTo(404);
  }

  @Test
  void aStopDrainsTheRequestInFlightThenReportsStopped() throws Exception {
    startGatewayFor("slow", 30);
    CompletableFuture<GatewayClient.Answer> inFlight =
        CompletableFuture.supplyAsync(
            () -> client.postJson("/v1/messages", "{\"message\":\"take your time\"}"));
    assertThat(model.awaitSlowRequest(10)).isTrue();

    gateway.requestStop();
    model.releaseSlow();

    assertThat(gateway.exitCode(20)).isEqualTo(GatewayExitCodes.CLEAN_STOP);
    GatewayClient.Answer answer = inFlight.get();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(json(answer).get("reply").asText()).isEqualTo("sorry I am late");
    assertThat(TestProfiles.state(gateway.profile())).containsEntry("gateway_state", "stopped");
    assertThat(gateway.profile().pidFile()).doesNotExist();
  }
}

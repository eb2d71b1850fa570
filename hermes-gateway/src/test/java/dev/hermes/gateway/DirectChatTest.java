package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.HermesException;
import dev.hermes.core.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectChatTest {
  @TempDir Path root;

  @Test
  void asksTheConfiguredModelWithTheKeyFromDotEnv() throws Exception {
    try (FakeModelServer model = new FakeModelServer()) {
      Profile profile =
          TestProfiles.create(
              root, "p", TestProfiles.gatewayConfig(1, model.baseUrl("ok"), "local", 5));
      TestProfiles.writeEnv(profile, "MODEL_API_KEY=sk-direct\n");

      assertThat(DirectChat.ask(profile, "hi")).isEqualTo("hello from the fake model");
      assertThat(model.lastAuthorization()).isEqualTo("Bearer sk-direct");
      assertThat(model.lastBody()).contains("\"model\":\"local\"").contains("\"content\":\"hi\"");
      assertThat(DirectChat.answerTimeout(profile)).isEqualTo(Duration.ofSeconds(5));
    }
  }

  @Test
  void relayFailuresBecomeOneLineErrors() throws Exception {
    try (FakeModelServer model = new FakeModelServer()) {
      Profile profile =
          TestProfiles.create(
              root, "p", TestProfiles.gatewayConfig(1, model.baseUrl("garbage"), "m", 5));

      assertThatThrownBy(() -> DirectChat.ask(profile, "hi"))
          .isInstanceOf(HermesException.class)
          .hasMessage("model endpoint answered malformed JSON");
    }
  }

  @Test
  void anUnconfiguredOrInvalidModelIsRefusedBeforeAnyRequest() {
    Profile bare = TestProfiles.create(root, "bare", "");
    assertThatThrownBy(() -> DirectChat.ask(bare, "hi"))
        .isInstanceOf(HermesException.class)
        .hasMessageStartingWith("no model configured for profile 'bare': set model.base_url and");
    assertThat(DirectChat.answerTimeout(bare)).isEqualTo(Duration.ofSeconds(60));

    Profile ftp = TestProfiles.create(root, "ftp", "model:\n  base_url: ftp://x/v1\n  name: m\n");
    assertThatThrownBy(() -> DirectChat.ask(ftp, "hi"))
        .isInstanceOf(HermesException.class)
        .hasMessageContaining("must start with http:// or https://");
  }

  @Test
  void aLinkedEnvIsRefusedAndItsTargetNeverReachesTheModel() throws Exception {
    try (FakeModelServer model = new FakeModelServer()) {
      Profile profile =
          TestProfiles.create(
              root, "p", TestProfiles.gatewayConfig(1, model.baseUrl("ok"), "local", 5));
      Path secret = Files.writeString(root.resolve("root-only"), "MODEL_API_KEY=not-yours\n");
      Files.createSymbolicLink(profile.envFile(), secret);

      assertThatThrownBy(() -> DirectChat.ask(profile, "hi"))
          .isInstanceOf(HermesException.class)
          .hasMessageEndingWith(
              ".env is a symbolic link; hermes does not follow links in HERMES_HOME");
      assertThat(model.lastAuthorization()).isNull();
    }
  }
}

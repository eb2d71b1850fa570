package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.Profile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySettingsTest {
  @TempDir Path root;

  @Test
  void readsHostPortAndModel() throws Exception {
    Profile profile =
        TestProfiles.create(
            root,
            "coder",
            "gateway:\n  host: 0.0.0.0\n  port: 8643\n"
                + "model:\n  base_url: http://127.0.0.1:9999/v1/\n  name: local-llm\n"
                + "  timeout_seconds: 7\n");
    TestProfiles.writeEnv(profile, "MODEL_API_KEY='sk-test'\n");

    GatewaySettings settings = GatewaySettings.load(profile);

    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.port()).isEqualTo(8643);
    ModelEndpoint model = settings.model().orElseThrow();
    assertThat(model.chatCompletions())
        .isEqualTo(URI.create("http://127.0.0.1:9999/v1/chat/completions"));
    assertThat(model.model()).isEqualTo("local-llm");
    assertThat(model.apiKey()).contains("sk-test");
    assertThat(model.timeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(model.toString()).doesNotContain("sk-test");
  }

  @Test
  void hostDefaultsToLoopbackAndTimeoutToSixtySeconds() throws Exception {
    Profile profile =
        TestProfiles.create(
            root,
            "p",
            "gateway:\n  port: 8643\nmodel:\n  base_url: https://x.test/v1\n  name: m\n");

    GatewaySettings settings = GatewaySettings.load(profile);

    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.model().orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.model().orElseThrow().apiKey()).isEmpty();
  }

  @Test
  void aModelWithoutNameOrUrlIsNotConfiguredButNotFatal() throws Exception {
    Profile noName =
        TestProfiles.create(
            root, "a", "gateway:\n  port: 8643\nmodel:\n  base_url: http://127.0.0.1:1/v1\n");
    Profile nothing = TestProfiles.create(root, "b", "gateway:\n  port: 8643\n");

    assertThat(GatewaySettings.load(noName).model()).isEmpty();
    assertThat(GatewaySettings.load(nothing).model()).isEmpty();
  }

  @Test
  void aMissingPortIsFatal() {
    Profile profile = TestProfiles.create(root, "p", "gateway:\n  host: 127.0.0.1\n");

    assertThatThrownBy(() -> GatewaySettings.load(profile))
        .isInstanceOf(FatalConfigurationException.class)
        .hasMessageContaining("gateway.port is not set");
  }

  @Test
  void aPortOutOfRangeIsFatal() {
    Profile profile = TestProfiles.create(root, "p", "gateway:\n  port: 70000\n");

    assertThatThrownBy(() -> GatewaySettings.load(profile))
        .isInstanceOf(FatalConfigurationException.class)
        .hasMessageContaining("between 1 and 65535");
  }

  @Test
  void aUrlThatIsNotHttpIsFatal() {
    for (String url :
        new String[] {"ftp://host/v1", "localhost:9999/v1", "http://", "http://a b/"}) {
      Profile profile =
          TestProfiles.create(
              root, "p", "gateway:\n  port: 8643\nmodel:\n  base_url: '" + url + "'\n  name: m\n");

      assertThatThrownBy(() -> GatewaySettings.load(profile))
          .as(url)
          .isInstanceOf(FatalConfigurationException.class)
          .hasMessageContaining("model.base_url");
    }
  }

  @Test
  void invalidYamlIsFatalWithAOneLineReason() {
    Profile profile = TestProfiles.create(root, "p", "gateway: [unclosed\n  port: 1\n");

    assertThatThrownBy(() -> GatewaySettings.load(profile))
        .isInstanceOf(FatalConfigurationException.class)
        .hasMessageContaining("invalid YAML")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aTimeoutThatIsNotAPositiveIntegerIsFatal() {
    Profile zero =
        TestProfiles.create(root, "z", "gateway:\n  port: 8643\nmodel:\n  timeout_seconds: 0\n");
    Profile text =
        TestProfiles.create(root, "t", "gateway:\n  port: 8643\nmodel:\n  timeout_seconds: soon\n");

    assertThatThrownBy(() -> GatewaySettings.load(zero))
        .isInstanceOf(FatalConfigurationException.class);
    assertThatThrownBy(() -> GatewaySettings.load(text))
        .isInstanceOf(FatalConfigurationException.class);
  }

  @Test
  void aLinkedEnvIsFatalEvenWithoutAModel() throws Exception {
    Profile profile = TestProfiles.create(root, "p", "gateway:\n  port: 8643\n");
    Path secret = Files.writeString(root.resolve("root-only"), "MODEL_API_KEY=not-yours\n");
    Files.createSymbolicLink(profile.envFile(), secret);

    assertThatThrownBy(() -> GatewaySettings.load(profile))
        .isInstanceOf(FatalConfigurationException.class)
        .hasMessage(
            profile.envFile() + " is a symbolic link; hermes does not follow links in HERMES_HOME");
  }
}

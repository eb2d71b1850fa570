package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.Profile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The doctor's view of the model settings is the gateway's own: same verdicts, same reasons. */
class ModelSettingsTest {
  private static final String PORT = "gateway:\n  port: 8643\n";

  @TempDir Path root;

  @Test
  void aConfiguredModelSaysWhetherAKeyIsSent() throws Exception {
    Profile profile =
        TestProfiles.create(
            root, "p", PORT + "model:\n  base_url: http://127.0.0.1:9/v1/\n  name: ' m '\n");

    assertThat(ModelSettings.examine(profile))
        .isEqualTo(
            new ModelSettings.Configured(
                URI.create("http://127.0.0.1:9/v1/chat/completions"), "m", false));

    TestProfiles.writeEnv(profile, "MODEL_API_KEY=sk-x\n");
    assertThat(ModelSettings.examine(profile))
        .isEqualTo(
            new ModelSettings.Configured(
                URI.create("http://127.0.0.1:9/v1/chat/completions"), "m", true));
  }

  @Test
  void aMissingModelNamesWhatIsUnsetAndTheGatewayStillStarts() throws Exception {
    Profile none = TestProfiles.create(root, "none", PORT);
    Profile noName =
        TestProfiles.create(root, "noname", PORT + "model:\n  base_url: http://127.0.0.1:9/v1\n");
    Profile blankUrl =
        TestProfiles.create(root, "blank", PORT + "model:\n  base_url: '  '\n  name: m\n");

    assertThat(ModelSettings.examine(none))
        .isInstanceOfSatisfying(
            ModelSettings.Missing.class,
            m -> assertThat(m.unset()).containsExactly("model.base_url", "model.name"));
    assertThat(((ModelSettings.Missing) ModelSettings.examine(noName)).unset())
        .containsExactly("model.name");
    assertThat(((ModelSettings.Missing) ModelSettings.examine(blankUrl)).unset())
        .containsExactly("model.base_url");
    for (Profile profile : List.of(none, noName, blankUrl)) {
      assertThat(GatewaySettings.load(profile).model()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://models.test/v1",
        "localhost:11434/v1",
        "http:///v1",
        "'http://exa mple/v1'",
      })
  void anInvalidUrlIsInvalidWithTheReasonTheGatewayExitsWith(String url) throws Exception {
    Profile profile =
        TestProfiles.create(root, "p", PORT + "model:\n  base_url: " + url + "\n  name: m\n");

    ModelSettings.Verdict verdict = ModelSettings.examine(profile);

    assertThat(verdict).isInstanceOf(ModelSettings.Invalid.class);
    assertThatThrownBy(() -> GatewaySettings.load(profile))
        .isInstanceOf(FatalConfigurationException.class)
        .hasMessage(((ModelSettings.Invalid) verdict).reason());
    assertThat(((ModelSettings.Invalid) verdict).reason())
        .startsWith("model.base_url '")
        .contains(" in " + profile.configFile() + " ");
  }

  @Test
  void anInvalidUrlIsInvalidEvenWithoutAName() throws Exception {
    Profile profile =
        TestProfiles.create(root, "p", PORT + "model:\n  base_url: ftp://models.test/v1\n");

    assertThat(ModelSettings.examine(profile))
        .isEqualTo(
            new ModelSettings.Invalid(
                "model.base_url 'ftp://models.test/v1' in "
                    + profile.configFile()
                    + " must start with http:// or https://"));
  }

  @Test
  void aBadTimeoutOrARefusedEnvIsInvalidAsTheGatewayFindsIt() throws Exception {
    Profile timeout =
        TestProfiles.create(
            root,
            "t",
            PORT + "model:\n  base_url: http://h/v1\n  name: m\n  timeout_seconds: soon\n");
    Profile linked = TestProfiles.create(root, "l", PORT);
    Files.createSymbolicLink(linked.envFile(), Files.writeString(root.resolve("x"), "A=b\n"));

    for (Profile profile : List.of(timeout, linked)) {
      ModelSettings.Verdict verdict = ModelSettings.examine(profile);
      assertThat(verdict).isInstanceOf(ModelSettings.Invalid.class);
      assertThatThrownBy(() -> GatewaySettings.load(profile))
          .hasMessage(((ModelSettings.Invalid) verdict).reason());
    }
  }
}

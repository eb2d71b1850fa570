package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileConfigTest {
  @TempDir Path dir;

  @Test
  void aMissingFileIsAnEmptyConfigWithTheDefaultHost() {
    ProfileConfig config = ProfileConfig.load(dir.resolve("config.yaml"));
    assertThat(config.gatewayPort()).isEmpty();
    assertThat(config.gatewayHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void setAndSaveKeepsKeysThisVersionDoesNotKnow() throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(
        file, "model:\n  name: small\ngateway:\n  host: 0.0.0.0\nfuture_key: [1, 2]\n");

    ProfileConfig.load(file).set("gateway.port", 9001).save();

    ProfileConfig reloaded = ProfileConfig.load(file);
    assertThat(reloaded.gatewayPort()).hasValue(9001);
    assertThat(reloaded.gatewayHost()).isEqualTo("0.0.0.0");
    assertThat(reloaded.text("model.name")).contains("small");
    assertThat(Files.readString(file)).contains("future_key");
  }

  @Test
  void invalidYamlIsOneClearLine() throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, "gateway: [unclosed\n  port: 1\n");
    assertThatThrownBy(() -> ProfileConfig.load(file))
        .isInstanceOf(HermesException.class)
        .hasMessageStartingWith("invalid YAML in " + file)
        .message()
        .doesNotContain("\n");
  }

  @Test
  void aNonIntegerPortIsAConfigurationError() throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, "gateway:\n  port: eighty\n");
    assertThatThrownBy(() -> ProfileConfig.load(file).gatewayPort())
        .isInstanceOf(HermesException.class)
        .hasMessageContaining("gateway.port must be an integer, got 'eighty'");
  }

  @Test
  void aScalarDocumentIsRejected() throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, "just text\n");
    assertThatThrownBy(() -> ProfileConfig.load(file)).hasMessageContaining("must be a mapping");
  }
}

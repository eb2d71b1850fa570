package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  void aFiftyMegabyteConfigIsOneLineAtOnce() throws IOException {
    // One long line: the shape SnakeYAML takes minutes over, had it been read.
    Path file = dir.resolve("config.yaml");
    try (var out = Files.newOutputStream(file)) {
      out.write("gateway:\n  port: 8642\nblob: ".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[(int) OwnFiles.MB];
      Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
    }

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> ProfileConfig.load(file))
                .isInstanceOf(HermesException.class)
                .hasMessage(file + " is 50 MB; the limit is 256 KB"));
  }

  @Test
  void aConfigExactlyAtItsCapIsRead() throws IOException {
    Path file = dir.resolve("config.yaml");
    StringBuilder yaml = new StringBuilder("gateway:\n  port: 9001\nnotes:\n");
    for (int i = 0; yaml.length() < OwnFiles.CONFIG_LIMIT - 64; i++) {
      yaml.append("  k").append(i).append(": some value\n");
    }
    int padding = (int) OwnFiles.CONFIG_LIMIT - yaml.length() - "pad: \n".length();
    yaml.append("pad: ").append("x".repeat(padding)).append('\n');
    Files.writeString(file, yaml);
    assertThat(Files.size(file)).isEqualTo(OwnFiles.CONFIG_LIMIT);

    assertThat(ProfileConfig.load(file).gatewayPort()).hasValue(9001);
  }

  @Test
  void aLinkedConfigIsRefusedEvenWhenItsTargetIsValid() throws IOException {
    Path real = Files.writeString(dir.resolve("elsewhere.yaml"), "gateway:\n  port: 9001\n");
    Path file = Files.createSymbolicLink(dir.resolve("config.yaml"), real);

    assertThatThrownBy(() -> ProfileConfig.load(file))
        .isInstanceOf(HermesException.class)
        .hasMessage(file + " is a symbolic link; hermes does not follow links in HERMES_HOME");
  }

  @Test
  void aDanglingLinkedConfigIsRefusedNotEmpty() throws IOException {
    Path file = Files.createSymbolicLink(dir.resolve("config.yaml"), dir.resolve("nowhere"));

    assertThatThrownBy(() -> ProfileConfig.load(file)).hasMessageContaining("is a symbolic link");
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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'v: text'|text",
        "'v: \"quoted\"'|quoted",
        "'v: 8642'|8642",
        "'v: \"8642\"'|8642",
        "'v: 1.5'|1.5",
        "'v: true'|true",
        "'v: 12345678901'|12345678901",
        "'v: 0x1F'|31",
        "'v: !!binary aGk='|aGk=",
        // This factory reads an empty scalar as an empty string, not as null.
        "'v:'|''",
      })
  void scalarsReadAsTheirText(String yaml, String text) throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, yaml + "\n");
    assertThat(ProfileConfig.load(file).text("v")).contains(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"'v: ~'", "'v: [1]'", "'v: {a: 1}'", "'w: 1'", "'v: null'"})
  void nullsContainersAndMissingKeysHaveNoText(String yaml) throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, yaml + "\n");
    assertThat(ProfileConfig.load(file).text("v")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"'v: 12345678901'|12345678901", "'v: 1.5'|1.5", "'v: [1]'|''", "'v: \"-1\"'|-1"})
  void nonIntegersAreRefusedWithTheirText(String yaml, String shown) throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, yaml + "\n");
    assertThatThrownBy(() -> ProfileConfig.load(file).integer("v"))
        .isInstanceOf(HermesException.class)
        .hasMessageEndingWith("v must be an integer, got '" + shown + "'");
  }

  @Test
  void emptyAndCommentOnlyFilesAreEmptyConfigs() throws IOException {
    Path file = dir.resolve("config.yaml");
    for (String content : new String[] {"", "# nothing\n", "~\n"}) {
      Files.writeString(file, content);
      assertThat(ProfileConfig.load(file).gatewayPort()).as(content).isEmpty();
    }
  }

  @Test
  void savesTheYamlDataBindingWouldWrite() throws IOException {
    String yaml =
        "model:\n  name: small\n  timeout_seconds: 30\n  ratio: 0.5\n"
            + "gateway:\n  host: \"0.0.0.0\"\nfuture_key: [1, \"two\", {three: 3}]\n"
            + "empty: {}\nnothing: ~\nflag: yes\nquoted: \"8642\"\n";
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, yaml);
    ProfileConfig.load(file).set("gateway.port", 9001).save();

    YAMLMapper mapper =
        new YAMLMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
    JsonNode tree = mapper.readTree(yaml);
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("gateway")).put("port", 9001);
    assertThat(Files.readString(file)).isEqualTo(mapper.writeValueAsString(tree));
  }
}

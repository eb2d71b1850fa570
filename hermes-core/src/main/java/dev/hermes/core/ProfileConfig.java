package dev.hermes.core;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A profile's {@code config.yaml}, kept as a tree so keys this version does not know survive a
 * rewrite. Keys are addressed with dotted paths ({@code gateway.port}).
 */
public final class ProfileConfig {
  public static final String GATEWAY_PORT = "gateway.port";
  public static final String GATEWAY_HOST = "gateway.host";
  public static final String DEFAULT_HOST = "127.0.0.1";

  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private final Path file;
  private final ObjectNode root;

  private ProfileConfig(Path file, ObjectNode root) {
    this.file = file;
    this.root = root;
  }

  /** An empty config when the file is missing; a one-line error when it is not valid YAML. */
  public static ProfileConfig load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new ProfileConfig(file, JsonNodeFactory.instance.objectNode());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    return parse(file, bytes);
  }

  static ProfileConfig parse(Path file, byte[] bytes) {
    try {
      JsonNode node = bytes.length == 0 ? null : YAML.readTree(bytes);
      if (node == null || node.isNull() || node.isMissingNode()) {
        return new ProfileConfig(file, JsonNodeFactory.instance.objectNode());
      }
      if (!node.isObject()) {
        throw new HermesException("invalid config " + file + ": the top level must be a mapping");
      }
      return new ProfileConfig(file, (ObjectNode) node);
    } catch (JacksonException e) {
      throw new HermesException(
          "invalid YAML in " + file + ": " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  public Path path() {
    return file;
  }

  public Optional<String> text(String dottedPath) {
    JsonNode node = find(dottedPath);
    return node == null || node.isNull() || node.isContainerNode()
        ? Optional.empty()
        : Optional.of(node.asText());
  }

  /** An integer value; a present value that is not an integer is a configuration error. */
  public OptionalInt integer(String dottedPath) {
    JsonNode node = find(dottedPath);
    if (node == null || node.isNull()) {
      return OptionalInt.empty();
    }
    if (node.isInt()) {
      return OptionalInt.of(node.intValue());
    }
    if (node.isTextual() && node.asText().matches("\\d{1,9}")) {
      return OptionalInt.of(Integer.parseInt(node.asText()));
    }
    throw new HermesException(
        "invalid config "
            + file
            + ": "
            + dottedPath
            + " must be an integer, got '"
            + node.asText()
            + "'");
  }

  public OptionalInt gatewayPort() {
    return integer(GATEWAY_PORT);
  }

  public String gatewayHost() {
    return text(GATEWAY_HOST).filter(s -> !s.isBlank()).orElse(DEFAULT_HOST);
  }

  public ProfileConfig set(String dottedPath, Object value) {
    String[] parts = dottedPath.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
    }
    node.set(parts[parts.length - 1], YAML.valueToTree(value));
    return this;
  }

  /** Writes the config atomically to its own path. */
  public void save() {
    saveTo(file);
  }

  public void saveTo(Path target) {
    try {
      AtomicFiles.write(target, YAML.writeValueAsBytes(root), AtomicFiles.OWNER_WRITE_ALL_READ);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    }
  }

  private JsonNode find(String dottedPath) {
    JsonNode node = root;
    for (String part : dottedPath.split("\\.")) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(part);
    }
    return node;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unparseable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

package dev.hermes.core;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A profile's {@code config.yaml}, kept as a tree so keys this version does not know survive a
 * rewrite. Keys are addressed with dotted paths ({@code gateway.port}).
 *
 * <p>The tree is plain Java values ({@link JsonValues}) read and written with Jackson's streaming
 * YAML parser and generator: the gateway reads its config at every start and should not load data
 * binding for it.
 */
public final class ProfileConfig {
  public static final String DEFAULT_HOST = "127.0.0.1";

  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build();

  private final Path file;
  private final Map<String, Object> root;

  private ProfileConfig(Path file, Map<String, Object> root) {
    this.file = file;
    this.root = root;
  }

  /**
   * An empty config when the file is missing; a one-line error when it is not valid YAML, is a
   * symbolic link or is over {@link OwnFiles#CONFIG_LIMIT}.
   */
  public static ProfileConfig load(Path file) {
    byte[] bytes;
    try {
      bytes = OwnFiles.read(file, OwnFiles.CONFIG_LIMIT);
    } catch (NoSuchFileException e) {
      return new ProfileConfig(file, new LinkedHashMap<>());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    return parse(file, bytes);
  }

  @SuppressWarnings("unchecked")
  static ProfileConfig parse(Path file, byte[] bytes) {
    Object node;
    try (JsonParser parser = YAML.createParser(bytes)) {
      // The first document only, as data binding's readTree reads it.
      node = JsonValues.read(parser);
    } catch (JacksonException e) {
      throw new HermesException(
          "invalid YAML in " + file + ": " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    if (node == null) {
      return new ProfileConfig(file, new LinkedHashMap<>());
    }
    if (!(node instanceof Map<?, ?>)) {
      throw new HermesException("invalid config " + file + ": the top level must be a mapping");
    }
    return new ProfileConfig(file, (Map<String, Object>) node);
  }

  public Path path() {
    return file;
  }

  public Optional<String> text(String dottedPath) {
    Object node = find(dottedPath);
    return node == null || isContainer(node) ? Optional.empty() : Optional.of(asText(node));
  }

  /** An integer value; a present value that is not an integer is a configuration error. */
  public OptionalInt integer(String dottedPath) {
    Object node = find(dottedPath);
    if (node == null) {
      return OptionalInt.empty();
    }
    if (node instanceof Integer value) {
      return OptionalInt.of(value);
    }
    if (node instanceof String text && text.matches("\\d{1,9}")) {
      return OptionalInt.of(Integer.parseInt(text));
    }
    throw new HermesException(
        "invalid config "
            + file
            + ": "
            + dottedPath
            + " must be an integer, got '"
            + asText(node)
            + "'");
  }

  public Optional<String> text(ConfigKey key) {
    return text(key.path());
  }

  public OptionalInt integer(ConfigKey key) {
    return integer(key.path());
  }

  public ProfileConfig set(ConfigKey key, Object value) {
    return set(key.path(), value);
  }

  public OptionalInt gatewayPort() {
    return integer(ConfigKey.GATEWAY_PORT);
  }

  public String gatewayHost() {
    return text(ConfigKey.GATEWAY_HOST).filter(s -> !s.isBlank()).orElse(DEFAULT_HOST);
  }

  /**
   * Sets a value (a string, number, boolean, or a map or list of those), creating the mappings on
   * the way; a non-mapping in the way is replaced.
   */
  @SuppressWarnings("unchecked")
  public ProfileConfig set(String dottedPath, Object value) {
    String[] parts = dottedPath.split("\\.");
    Map<String, Object> node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Object child = node.get(parts[i]);
      if (!(child instanceof Map<?, ?>)) {
        child = new LinkedHashMap<String, Object>();
        node.put(parts[i], child);
      }
      node = (Map<String, Object>) child;
    }
    node.put(parts[parts.length - 1], value);
    return this;
  }

  /** Writes the config atomically to its own path. */
  public void save() {
    saveTo(file);
  }

  public void saveTo(Path target) {
    try {
      AtomicFiles.write(target, toYaml(root), AtomicFiles.OWNER_WRITE_ALL_READ);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    }
  }

  private static byte[] toYaml(Map<String, Object> root) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = YAML.createGenerator(out)) {
      JsonValues.write(generator, root);
    }
    return out.toByteArray();
  }

  private Object find(String dottedPath) {
    Object node = root;
    for (String part : dottedPath.split("\\.")) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(part);
    }
    return node;
  }

  private static boolean isContainer(Object node) {
    return node instanceof Map<?, ?> || node instanceof List<?>;
  }

  /** A scalar as text, the way a YAML tree node spells it; containers have no text. */
  private static String asText(Object node) {
    if (isContainer(node)) {
      return "";
    }
    if (node instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    return String.valueOf(node);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unparseable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

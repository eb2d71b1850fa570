package dev.hermes.gateway;

import dev.hermes.core.EnvFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a profile's {@code .env}: {@code KEY=VALUE} lines, an optional {@code export} prefix, the
 * value optionally in matching single or double quotes (taken literally, no escapes or
 * interpolation). Blank lines and lines starting with {@code #} are skipped, as are lines without
 * {@code =}. A {@code #} inside a value is part of the value: keys often contain one.
 */
final class DotEnv {
  private DotEnv() {}

  /**
   * The variables in {@code file}; empty when the file does not exist.
   *
   * @throws dev.hermes.core.FileRefusedException when it is a symbolic link or over its cap
   */
  static Map<String, String> read(Path file) throws IOException {
    try {
      return parse(new String(EnvFile.read(file), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Map.of();
    }
  }

  static Map<String, String> parse(String content) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String raw : content.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      String key = line.substring(0, equals).strip();
      String value = unquote(line.substring(equals + 1).strip());
      values.put(key, value);
    }
    return values;
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }
}

package dev.hermes.cli;

import dev.hermes.core.JsonValues;
import java.nio.charset.StandardCharsets;

/**
 * JSON output for {@code --json} flags: maps, lists and plain values, indented, in the maps' order.
 * Written with the streaming writer, so no command loads data binding.
 */
final class Json {
  private Json() {}

  static String write(Object value) {
    return new String(JsonValues.toPrettyBytes(value), StandardCharsets.UTF_8);
  }
}

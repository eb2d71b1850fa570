package dev.hermes.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON (and, given a YAML parser or generator, YAML) as plain Java values: {@code Map<String,
 * Object>} in document order, {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean}
 * and {@code null}, read and written with Jackson's streaming API only.
 *
 * <p>Why not an {@code ObjectMapper}: data binding loads some 450 classes and their caches, about 7
 * MB that every gateway JVM (one per profile) and the dashboard would carry for as long as they
 * run, and that a JDK 25 AOT cache would load into every command, for documents of a handful of
 * fields. Data binding is not on hermes's class path at all (tests use it to check output). Values
 * come out as data binding's untyped reading makes them: integers as {@code Integer}, {@code Long}
 * or {@code BigInteger} by size, other numbers as {@code Double}.
 */
public final class JsonValues {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonValues() {}

  /**
   * The value of a JSON document, or {@code null} when it has no content (or is {@code null}).
   * Anything after the first value is ignored, as data binding does by default.
   *
   * @throws IOException for malformed JSON: a {@link com.fasterxml.jackson.core.JacksonException}
   *     whose {@code getOriginalMessage()} says what is wrong
   */
  public static Object parse(byte[] json) throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      return read(parser);
    }
  }

  /**
   * Reads one value from {@code parser}: the one at its current token, or at the next token when it
   * has none yet. {@code null} at the end of input. Iterative, so deep nesting cannot exhaust the
   * stack of a small handler thread; the parser's own limits bound depth and size.
   */
  public static Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken() != null ? parser.currentToken() : parser.nextToken();
    Deque<Object> open = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    while (token != null) {
      Object value;
      switch (token) {
        case START_OBJECT -> {
          open.push(new LinkedHashMap<String, Object>());
          token = parser.nextToken();
          continue;
        }
        case START_ARRAY -> {
          open.push(new ArrayList<>());
          token = parser.nextToken();
          continue;
        }
        case FIELD_NAME -> {
          names.push(parser.currentName());
          token = parser.nextToken();
          continue;
        }
        case END_OBJECT, END_ARRAY -> value = open.pop();
        case VALUE_STRING -> value = parser.getText();
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = parser.getNumberValue();
        case VALUE_TRUE -> value = Boolean.TRUE;
        case VALUE_FALSE -> value = Boolean.FALSE;
        case VALUE_EMBEDDED_OBJECT -> value = parser.getEmbeddedObject();
        default -> value = null; // VALUE_NULL, NOT_AVAILABLE
      }
      Object parent = open.peek();
      if (parent == null) {
        return value;
      }
      add(parent, names, value);
      token = parser.nextToken();
    }
    if (!open.isEmpty()) {
      throw new IOException("unexpected end of input");
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static void add(Object parent, Deque<String> names, Object value) {
    if (parent instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put(names.pop(), value);
    } else {
      ((List<Object>) parent).add(value);
    }
  }

  /** {@code value} as compact JSON in UTF-8. */
  public static byte[] toBytes(Object value) {
    return toBytes(value, false);
  }

  /**
   * {@code value} as JSON indented the way {@code ObjectMapper} does with {@code INDENT_OUTPUT}
   * (Jackson's default pretty printer), without a trailing newline.
   */
  public static byte[] toPrettyBytes(Object value) {
    return toBytes(value, true);
  }

  private static byte[] toBytes(Object value, boolean pretty) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      if (pretty) {
        generator.useDefaultPrettyPrinter();
      }
      write(generator, value);
    } catch (IOException e) {
      // Only a value we cannot represent gets here; memory output itself does not fail.
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes {@code value} (maps, collections, strings, numbers, booleans, {@code byte[]}, null) to
   * {@code generator}.
   *
   * @throws IllegalArgumentException for any other type
   */
  public static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof Collection<?> items) {
      generator.writeStartArray();
      for (Object item : items) {
        write(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof Boolean flag) {
      generator.writeBoolean(flag);
    } else if (value instanceof Number number) {
      writeNumber(generator, number);
    } else if (value instanceof byte[] bytes) {
      generator.writeBinary(bytes);
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName());
    }
  }

  private static void writeNumber(JsonGenerator generator, Number number) throws IOException {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      generator.writeNumber(number.intValue());
    } else if (number instanceof Long value) {
      generator.writeNumber(value);
    } else if (number instanceof Double value) {
      generator.writeNumber(value);
    } else if (number instanceof Float value) {
      generator.writeNumber(value);
    } else if (number instanceof BigInteger value) {
      generator.writeNumber(value);
    } else if (number instanceof BigDecimal value) {
      generator.writeNumber(value);
    } else {
      generator.writeNumber(number.toString());
    }
  }
}

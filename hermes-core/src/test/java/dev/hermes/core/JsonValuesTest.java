package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonValuesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Object parse(String json) throws Exception {
    return JsonValues.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsValuesAsUntypedDataBindingDoes() throws Exception {
    String json =
        "{\"s\":\"t\\u00e9xt\",\"i\":42,\"l\":12345678901,\"b\":123456789012345678901234567890,"
            + "\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[2,{}],\"x\"],"
            + "\"o\":{\"k\":\"v\"},\"i\":7}";
    Object ours = parse(json);
    assertThat(ours).isEqualTo(MAPPER.readValue(json, Object.class));
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) ours;
    assertThat(map.get("i")).isEqualTo(7);
    assertThat(map.get("l")).isEqualTo(12345678901L);
    assertThat(map.get("b")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(map.get("d")).isEqualTo(1.5d);
    assertThat(map).containsKey("n");
    assertThat(map.keySet()).containsExactly("s", "i", "l", "b", "d", "t", "f", "n", "a", "o");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "null"})
  void noContentOrNullIsNull(String json) throws Exception {
    assertThat(parse(json)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"a\": ", "[1,", "{\"a\" 1}", "nul", "\0\0", "{\"a\":1]"})
  void malformedJsonIsAJacksonException(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(JacksonException.class);
  }

  @Test
  void deepNestingDoesNotRecurse() throws Exception {
    int depth = 900;
    String json = "[".repeat(depth) + "]".repeat(depth);
    // A thread with a tiny stack would overflow on a recursive reader long before 900 levels.
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result[0] = parse(json);
              } catch (Throwable t) {
                failure[0] = t;
              }
            },
            "small-stack",
            64 * 1024);
    thread.start();
    thread.join();
    assertThat(failure[0]).isNull();
    Object level = result[0];
    for (int i = 1; i < depth; i++) {
      assertThat(level).isInstanceOf(List.class);
      level = ((List<?>) level).get(0);
    }
    assertThat(level).isEqualTo(List.of());
  }

  @Test
  void writesWhatDataBindingWrites() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("gateway_state", "running");
    value.put("pid", 1234L);
    value.put("small", 7);
    value.put("ratio", 0.25d);
    value.put("ok", true);
    value.put("none", null);
    value.put("quote", "a \"b\" \\ \n é \u0001");
    value.put("list", List.of(1, "two", Map.of("three", 3)));
    value.put("empty", Map.of());
    value.put("big", new BigInteger("123456789012345678901234567890"));

    assertThat(new String(JsonValues.toBytes(value), StandardCharsets.UTF_8))
        .isEqualTo(MAPPER.writeValueAsString(value));
    assertThat(new String(JsonValues.toPrettyBytes(value), StandardCharsets.UTF_8))
        .isEqualTo(
            MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
  }

  @Test
  void roundTrips() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("a", List.of(1, 2L << 40, "x", Map.of("b", false)));
    value.put("c", null);
    assertThat(JsonValues.parse(JsonValues.toBytes(value))).isEqualTo(value);
  }

  @Test
  void refusesTypesItCannotWrite() {
    assertThatThrownBy(() -> JsonValues.toBytes(Map.of("when", new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

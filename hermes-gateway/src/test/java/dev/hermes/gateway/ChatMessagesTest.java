package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatMessagesTest {
  private static List<Map<String, String>> parse(String json) throws HttpError {
    return ChatMessages.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSingleMessageBecomesOneUserTurn() throws Exception {
    assertThat(parse("{\"message\":\"hi\"}"))
        .containsExactly(Map.of("role", "user", "content", "hi"));
  }

  @Test
  void aConversationPassesThroughInOrder() throws Exception {
    assertThat(
            parse(
                "{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                    + "{\"role\":\"user\",\"content\":\"hi\"}]}"))
        .containsExactly(
            Map.of("role", "system", "content", "be brief"),
            Map.of("role", "user", "content", "hi"));
  }

  @Test
  void invalidJsonIsABadRequest() {
    assertThatThrownBy(() -> parse("{nope"))
        .isInstanceOf(HttpError.class)
        .satisfies(e -> assertThat(((HttpError) e).status()).isEqualTo(400))
        .hasMessageStartingWith("invalid JSON");
  }

  @Test
  void wrongShapesAreBadRequests() {
    for (String json :
        new String[] {
          "[]",
          "\"text\"",
          "{}",
          "{\"message\":42}",
          "{\"message\":\"  \"}",
          "{\"messages\":[]}",
          "{\"messages\":[{\"role\":\"user\"}]}",
          ""
        }) {
      assertThatThrownBy(() -> parse(json))
          .as(json)
          .isInstanceOf(HttpError.class)
          .satisfies(e -> assertThat(((HttpError) e).status()).isEqualTo(400));
    }
  }
}

package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelRelayTest {
  @Test
  void theSlowestAnswerIsTheConnectTimeoutThenTheModelsOwn() {
    ModelEndpoint endpoint =
        new ModelEndpoint(
            URI.create("http://127.0.0.1:9/v1/chat/completions"),
            "m",
            Optional.empty(),
            Duration.ofSeconds(300));

    assertThat(ModelRelay.slowestAnswer(endpoint)).isEqualTo(Duration.ofSeconds(305));
  }
}

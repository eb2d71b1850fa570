package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class BoundedBodiesTest {
  @Test
  void aBodyAtTheLimitIsReadWhole() throws Exception {
    assertThat(BoundedBodies.read(new ByteArrayInputStream(new byte[100]), 100)).hasSize(100);
  }

  @Test
  void aBodyOneByteOverTheLimitIsRefused() {
    assertThatThrownBy(() -> BoundedBodies.read(new ByteArrayInputStream(new byte[101]), 100))
        .isInstanceOf(BoundedBodies.TooLargeException.class);
  }

  @Test
  void discardingStopsAtItsLimit() {
    assertThat(BoundedBodies.discard(new ByteArrayInputStream(new byte[10_000]), 20_000)).isTrue();
    assertThat(BoundedBodies.discard(new ByteArrayInputStream(new byte[30_000]), 20_000)).isFalse();
  }
}

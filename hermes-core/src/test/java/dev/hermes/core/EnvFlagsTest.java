package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvFlagsTest {
  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "TRUE", "True", "yes", "YES", " yes "})
  void onValues(String value) {
    assertThat(EnvFlags.truthy(value)).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "0", "false", "no", "on", "y", "2", "truee"})
  void offValues(String value) {
    assertThat(EnvFlags.truthy(value)).isFalse();
  }
}

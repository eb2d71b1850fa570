package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"a", "0", "0abc", "my-profile", "assistant_v2", "default"})
  void acceptsNamesThatFollowTheRule(String name) {
    assertThat(ProfileNames.validate(name)).isEqualTo(name);
    assertThat(ProfileNames.isValid(name)).isTrue();
  }

  @Test
  void acceptsTheLongestAllowedName() {
    String name = "a".repeat(251);
    assertThat(ProfileNames.validate(name)).isEqualTo(name);
  }

  @Test
  void rejectsAnEmptyName() {
    assertThatThrownBy(() -> ProfileNames.validate(""))
        .isInstanceOf(HermesException.class)
        .hasMessage("profile name must not be empty");
    assertThatThrownBy(() -> ProfileNames.validate(null))
        .hasMessage("profile name must not be empty");
  }

  @Test
  void rejectsANameOneCharacterTooLong() {
    assertThatThrownBy(() -> ProfileNames.validate("a".repeat(252)))
        .hasMessage("profile name too long (252 > 251)");
    assertThat(ProfileNames.isValid("a".repeat(252))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Coder", "/", "..", "../x", "a/b", "-lead", "_lead", "a b", "a.b", ".", "café", "ü"
      })
  void rejectsNamesOutsideTheAlphabetWithTheExactMessage(String name) {
    assertThatThrownBy(() -> ProfileNames.validate(name))
        .isInstanceOf(HermesException.class)
        .hasMessage("profile name must match [a-z0-9][a-z0-9_-]*, got '" + name + "'");
    assertThat(ProfileNames.isValid(name)).isFalse();
  }

  static Stream<Arguments> controlCharacterNames() {
    return Stream.of(
        Arguments.of("a\tb", "a\\tb"),
        Arguments.of("a\nb", "a\\nb"),
        Arguments.of("a\rb", "a\\u000db"),
        Arguments.of("\n", "\\n"));
  }

  @ParameterizedTest
  @MethodSource("controlCharacterNames")
  void rejectsControlCharactersAndKeepsTheMessageOnOneLine(String name, String shown) {
    assertThatThrownBy(() -> ProfileNames.validate(name))
        .hasMessage("profile name must match [a-z0-9][a-z0-9_-]*, got '" + shown + "'")
        .message()
        .doesNotContain("\n");
  }
}

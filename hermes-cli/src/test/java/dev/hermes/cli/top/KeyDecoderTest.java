package dev.hermes.cli.top;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyDecoderTest {
  /** Characters as typed; "pause" stands for a pause longer than any read timeout. */
  private static KeyDecoder typed(Object... script) {
    Deque<Object> queue = new ArrayDeque<>(List.of(script));
    return new KeyDecoder(
        timeout -> {
          Object next = queue.poll();
          if (next == null) {
            return -1;
          }
          return "pause".equals(next) ? KeyDecoder.TIMEOUT : (Character) next;
        });
  }

  private static List<Key> keys(String input) throws IOException {
    List<Object> script = new ArrayList<>();
    for (char c : input.toCharArray()) {
      script.add(c);
    }
    KeyDecoder decoder = typed(script.toArray());
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      try {
        keys.add(decoder.next(100));
      } catch (EOFException e) {
        return keys;
      }
    }
    throw new AssertionError("never reached the end of the input");
  }

  @Test
  void lettersAndControlCharacters() throws IOException {
    assertThat(keys("jksxrlqz\u0003"))
        .containsExactly(
            Key.DOWN,
            Key.UP,
            Key.START,
            Key.STOP,
            Key.RESTART,
            Key.LOG,
            Key.QUIT,
            Key.OTHER,
            Key.INTERRUPT);
  }

  @Test
  void cursorAndPagingSequencesInBothKeypadModes() throws IOException {
    assertThat(keys("\u001b[A\u001bOA\u001b[B\u001bOB\u001b[5~\u001b[6~\u001b[H\u001b[4~"))
        .containsExactly(
            Key.UP, Key.UP, Key.DOWN, Key.DOWN, Key.PAGE_UP, Key.PAGE_DOWN, Key.HOME, Key.END);
  }

  @Test
  void modifiedAndUnknownSequencesAreConsumedWhole() throws IOException {
    assertThat(keys("\u001b[1;5A\u001b[15~j")).containsExactly(Key.UP, Key.OTHER, Key.DOWN);
  }

  @Test
  void aLoneEscapeIsTheEscapeKey() throws IOException {
    KeyDecoder decoder = typed('\u001b', "pause", 'k');
    assertThat(decoder.next(100)).isEqualTo(Key.ESCAPE);
    assertThat(decoder.next(100)).isEqualTo(Key.UP);
  }

  @Test
  void nothingTypedIsNoKeyAndAClosedInputIsAnError() throws IOException {
    KeyDecoder decoder = typed("pause");
    assertThat(decoder.next(100)).isNull();
    assertThatThrownBy(() -> decoder.next(100)).isInstanceOf(EOFException.class);
  }
}

package dev.hermes.cli.top;

import java.io.IOException;

/**
 * Turns the characters a terminal sends into {@link Key}s: letters, Ctrl-C, and the escape
 * sequences of the cursor and paging keys in both the normal ({@code ESC [ A}) and the application
 * keypad form ({@code ESC O A}). A lone Escape is told apart from the start of a sequence by a
 * short wait for the next character.
 */
public final class KeyDecoder {
  /** Returned by {@link Input#read} when nothing arrived in time. */
  public static final int TIMEOUT = -2;

  /**
   * Characters that follow an ESC of a sequence arrive together; a human cannot type that fast. The
   * wait is generous because on a loaded machine the reader's thread may be scheduled late: at 50
   * ms, the first arrow key after start-up was sometimes taken for a lone Escape. A lone Escape
   * only waits this long once.
   */
  static final long SEQUENCE_WAIT_MILLIS = 200;

  private static final int ESC = 27;
  private static final int CTRL_C = 3;

  /** Reads one character, or {@link #TIMEOUT}, or -1 at end of input. */
  @FunctionalInterface
  public interface Input {
    int read(long timeoutMillis) throws IOException;
  }

  private final Input input;

  public KeyDecoder(Input input) {
    this.input = input;
  }

  /**
   * The next key, or null when none arrived within the timeout.
   *
   * @throws java.io.EOFException when the input has ended (the terminal went away)
   */
  public Key next(long timeoutMillis) throws IOException {
    int c = input.read(timeoutMillis);
    if (c == TIMEOUT) {
      return null;
    }
    if (c < 0) {
      throw new java.io.EOFException("the terminal closed its input");
    }
    if (c == ESC) {
      return escape();
    }
    return plain(c);
  }

  private static Key plain(int c) {
    return switch (c) {
      case 'k', 'K' -> Key.UP;
      case 'j', 'J' -> Key.DOWN;
      case 'g' -> Key.HOME;
      case 'G' -> Key.END;
      case 's', 'S' -> Key.START;
      case 'x', 'X' -> Key.STOP;
      case 'r', 'R' -> Key.RESTART;
      case 'l', 'L' -> Key.LOG;
      case 'h', 'H' -> Key.HISTORY;
      case 'q', 'Q' -> Key.QUIT;
      case CTRL_C -> Key.INTERRUPT;
      default -> Key.OTHER;
    };
  }

  private Key escape() throws IOException {
    int c = input.read(SEQUENCE_WAIT_MILLIS);
    if (c == TIMEOUT || c < 0) {
      return Key.ESCAPE;
    }
    if (c != '[' && c != 'O') {
      return Key.OTHER; // Alt+key
    }
    StringBuilder params = new StringBuilder();
    while (true) {
      c = input.read(SEQUENCE_WAIT_MILLIS);
      if (c == TIMEOUT || c < 0) {
        return Key.OTHER; // a cut-off sequence
      }
      if (c >= 0x40 && c <= 0x7e) {
        return sequence(params.toString(), (char) c);
      }
      params.append((char) c);
    }
  }

  private static Key sequence(String params, char last) {
    return switch (last) {
      case 'A' -> Key.UP;
      case 'B' -> Key.DOWN;
      case 'H' -> Key.HOME;
      case 'F' -> Key.END;
      case '~' ->
          switch (params) {
            case "1", "7" -> Key.HOME;
            case "4", "8" -> Key.END;
            case "5" -> Key.PAGE_UP;
            case "6" -> Key.PAGE_DOWN;
            default -> Key.OTHER;
          };
      default -> Key.OTHER;
    };
  }
}

package dev.hermes.cli.top;

/** What a key press means to the terminal view, whatever bytes the terminal sent for it. */
public enum Key {
  UP,
  DOWN,
  PAGE_UP,
  PAGE_DOWN,
  HOME,
  END,
  START,
  STOP,
  RESTART,
  LOG,
  HISTORY,
  QUIT,
  /** Ctrl-C read as a character (when the terminal does not turn it into SIGINT). */
  INTERRUPT,
  ESCAPE,
  OTHER
}

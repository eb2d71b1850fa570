package dev.hermes.cli.top;

/** One line of the terminal view: its text, already cut to the screen width, and how it looks. */
public record ScreenLine(String text, Style style) {
  /** How a line is drawn; the terminal loop maps each to colours and attributes. */
  public enum Style {
    TITLE,
    HEADER,
    ROW,
    SELECTED,
    /** A crash-looped, failed or unknown gateway. */
    FAILED,
    SELECTED_FAILED,
    MESSAGE,
    ERROR,
    HELP,
    LOG
  }
}

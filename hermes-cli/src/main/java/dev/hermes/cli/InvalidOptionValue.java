package dev.hermes.cli;

/**
 * An option's text that is not a value of its type. The message is the whole error line ({@code
 * --port must be between 0 and 65535, got 70000}); the parser turns it into bad usage of the
 * command the line names.
 */
public final class InvalidOptionValue extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidOptionValue(String message) {
    super(message);
  }
}

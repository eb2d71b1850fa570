package dev.hermes.core;

/**
 * An error the operator caused or can fix. Front ends print its message as one line and exit
 * non-zero, never a stack trace; anything else escaping a command is a bug.
 */
public class HermesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HermesException(String message) {
    super(message);
  }

  public HermesException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.hermes.cli;

/** Bad usage of a command: one error line, a hint to its help, exit 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String commandPath;

  public UsageException(String commandPath, String message) {
    super(message);
    this.commandPath = commandPath;
  }

  /** {@code hermes gateway start}, for the {@code Try '... --help'.} hint. */
  public String commandPath() {
    return commandPath;
  }
}

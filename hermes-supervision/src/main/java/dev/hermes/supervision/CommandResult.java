package dev.hermes.supervision;

/** How a command ended. {@code exitCode} is -1 when it could not be started or timed out. */
public record CommandResult(int exitCode, String stdout, String stderr) {
  public boolean ok() {
    return exitCode == 0;
  }

  /** The first non-blank line of stderr, else of stdout: enough for a one-line error. */
  public String firstErrorLine() {
    for (String text : new String[] {stderr, stdout}) {
      if (text != null) {
        for (String line : text.split("\n")) {
          if (!line.isBlank()) {
            return line.trim();
          }
        }
      }
    }
    return "";
  }
}

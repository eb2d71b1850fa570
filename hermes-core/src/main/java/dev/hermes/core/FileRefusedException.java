package dev.hermes.core;

import java.nio.file.Path;

/**
 * One of hermes' own files that {@link OwnFiles} will not open: a symbolic link, not a regular
 * file, or over its size cap. The message is one line, the path then the reason.
 */
public final class FileRefusedException extends HermesException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String reason;

  FileRefusedException(Path file, String reason) {
    super(file + " " + reason);
    this.file = file;
    this.reason = reason;
  }

  public Path file() {
    return file;
  }

  /** The message without the path, for callers that already name the file. */
  public String reason() {
    return reason;
  }
}

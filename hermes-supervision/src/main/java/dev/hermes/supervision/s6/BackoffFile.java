package dev.hermes.supervision.s6;

import dev.hermes.core.HermesException;
import dev.hermes.core.OwnFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * {@code hermes-backoff} in a slot: the finish script writes the epoch second at which it lets s6
 * restart a crashed gateway before it waits, and {@code ./run} removes it as the next run starts.
 */
public final class BackoffFile {
  public static final String NAME = "hermes-backoff";

  private BackoffFile() {}

  /**
   * Seconds left until the restart (0 once due), or -1 when the slot is not waiting out a crash.
   */
  public static long secondsLeft(Path slot, LongSupplier epochSeconds) {
    String text;
    try {
      text = OwnFiles.readText(slot.resolve(NAME), OwnFiles.LINE_LIMIT).strip();
    } catch (IOException | HermesException e) {
      return -1;
    }
    String first = text.lines().findFirst().orElse("").strip();
    if (!first.matches("\\d{1,12}")) {
      return -1;
    }
    return Math.max(0, Long.parseLong(first) - epochSeconds.getAsLong());
  }
}

package dev.hermes.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records when a supervised service became ready, in the file {@value #VARIABLE} names (an s6
 * slot's {@code hermes-ready}, which the slot's {@code run} removes at every start). The slot's
 * crash-loop policy reads it after an exit: a crash that comes after {@code healthy_seconds} of
 * readiness starts a new crash streak. s6's own ready stamp cannot tell this apart: when a run
 * never became ready it still holds the moment the previous finish ended, just before this run
 * started.
 *
 * <p>The content is epoch seconds rounded up, so whole-second arithmetic in the finish script never
 * counts a run as healthy longer than it was. Written to a sibling and renamed, so the script never
 * reads half a number; not forced to disk, because the next start removes it anyway.
 */
public final class ReadyStamp {
  public static final String VARIABLE = "HERMES_READY_FILE";

  private ReadyStamp() {}

  /** Writes {@code readyAt} when {@value #VARIABLE} names a file; else does nothing. */
  public static void write(
      Map<String, String> environment, Instant readyAt, Consumer<String> warn) {
    String value = environment.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return;
    }
    Path file = Path.of(value);
    long seconds = readyAt.getEpochSecond() + (readyAt.getNano() > 0 ? 1 : 0);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(temp, seconds + "\n", StandardCharsets.US_ASCII);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      warn.accept("could not record the ready time in " + file + ": " + e.getMessage());
    }
  }
}

package dev.hermes.core;

import dev.hermes.core.state.Death;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hermes-death} in a gateway's s6 slot: how its last process ended, three lines the slot's
 * finish script writes after every exit (see {@link Death#lines}). Status reads it from the slot;
 * the next run of the gateway finds it through {@value #VARIABLE} and copies it into {@code
 * gateway_state.json} as {@code last_death}, so it outlives the slot.
 */
public final class DeathFile {
  public static final String NAME = "hermes-death";
  public static final String VARIABLE = "HERMES_DEATH_FILE";

  private DeathFile() {}

  /** The recorded death; empty when there is none, or none that reads as one. */
  public static Optional<Death> read(Path file) {
    try {
      return Death.parse(OwnFiles.readText(file, OwnFiles.LINE_LIMIT).lines().toList());
    } catch (IOException | HermesException e) {
      return Optional.empty();
    }
  }

  /** The death the file {@value #VARIABLE} names records; empty when unset. */
  public static Optional<Death> fromEnvironment(Map<String, String> environment) {
    String value = environment.get(VARIABLE);
    return value == null || value.isBlank() ? Optional.empty() : read(Path.of(value));
  }
}

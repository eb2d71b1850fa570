package dev.hermes.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gateway_state.json}: what the gateway reports about itself ({@code gateway_state}, {@code
 * pid}, ...) and what the lifecycle commands want ({@code desired_state}). Both sides merge their
 * own fields into the file, so updates are serialised with a lock and every write is atomic.
 * Unreadable content reads as "no state": a corrupt file must never stop a command. A file hermes
 * refuses to open (a symbolic link, or over {@link OwnFiles#STATE_LIMIT}) is a {@link
 * FileRefusedException} instead: it is not a crash's leftover but something the operator must
 * remove, and the listings show the profile as {@code bad-config}. Read and written with {@link
 * JsonValues}, as the gateway merges into it on every state change.
 */
public final class GatewayStateFile {
  public static final String GATEWAY_STATE = "gateway_state";
  public static final String DESIRED_STATE = "desired_state";
  public static final String EXIT_REASON = "exit_reason";

  /** How the previous run ended, copied from the slot by the next run ({@link DeathFile}). */
  public static final String LAST_DEATH = "last_death";

  public static final String PID = "pid";
  public static final String START_TIME = "start_time";
  public static final String UPDATED_AT = "updated_at";
  public static final String VERSION = "version";

  private final Path file;

  public GatewayStateFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /**
   * The stored fields, or an empty map when the file is missing, empty or not a JSON object.
   *
   * @throws FileRefusedException when it is a symbolic link or over its cap
   */
  public Map<String, Object> read() {
    byte[] bytes;
    try {
      bytes = OwnFiles.read(file, OwnFiles.STATE_LIMIT);
    } catch (NoSuchFileException e) {
      return Collections.emptyMap();
    } catch (IOException e) {
      return Collections.emptyMap();
    }
    try {
      Object parsed = JsonValues.parse(bytes);
      if (parsed instanceof Map<?, ?> map) {
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        return fields;
      }
      return Collections.emptyMap();
    } catch (IOException e) {
      return Collections.emptyMap();
    }
  }

  public Optional<String> text(String field) {
    Object value = read().get(field);
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
  }

  /**
   * The state a restart should restore: {@code desired_state} when the lifecycle commands set one,
   * else what the gateway last reported.
   */
  public Optional<String> priorState() {
    Map<String, Object> fields = read();
    Object desired = fields.get(DESIRED_STATE);
    if (desired != null) {
      return Optional.of(String.valueOf(desired));
    }
    Object reported = fields.get(GATEWAY_STATE);
    return reported == null ? Optional.empty() : Optional.of(String.valueOf(reported));
  }

  /**
   * Sets the given fields, keeps every other field, and replaces the file atomically. A {@code
   * null} value removes the field.
   *
   * @throws FileRefusedException when the file or its lock file is a symbolic link, or the file is
   *     over its cap
   */
  public Map<String, Object> merge(Map<String, ?> updates) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel lockChannel = OwnFiles.openLock(lockPath());
          FileLock ignored = lockChannel.lock()) {
        Map<String, Object> fields = new LinkedHashMap<>(read());
        updates.forEach(
            (key, value) -> {
              if (value == null) {
                fields.remove(key);
              } else {
                fields.put(key, value);
              }
            });
        AtomicFiles.write(file, toJson(fields), AtomicFiles.OWNER_WRITE_ALL_READ);
        return fields;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not update " + file + ": " + e.getMessage(), e);
    }
  }

  private Path lockPath() {
    return file.resolveSibling("." + file.getFileName() + ".lock");
  }

  private static byte[] toJson(Map<String, Object> fields) {
    byte[] body = JsonValues.toPrettyBytes(fields);
    byte[] withNewline = new byte[body.length + 1];
    System.arraycopy(body, 0, withNewline, 0, body.length);
    withNewline[body.length] = '\n';
    return withNewline;
  }
}

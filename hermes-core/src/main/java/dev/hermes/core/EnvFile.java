package dev.hermes.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A profile's {@code .env}: secrets, so owner-only (0600) whenever hermes touches it, and never
 * read, copied or chmodded through a symbolic link ({@link OwnFiles}).
 *
 * <p>Its lines are {@code KEY=VALUE}, with an optional {@code export} prefix and the value
 * optionally in matching single or double quotes (taken literally, no escapes or interpolation).
 * Blank lines and lines starting with {@code #} are skipped, as are lines without {@code =}. A
 * {@code #} inside a value is part of the value: keys often contain one.
 */
public final class EnvFile {
  private EnvFile() {}

  /** Creates an empty {@code .env} as 0600 when missing; otherwise tightens it to 0600. */
  public static void ensurePrivate(Path envFile) {
    if (Files.notExists(envFile, LinkOption.NOFOLLOW_LINKS)) {
      AtomicFiles.write(envFile, new byte[0], AtomicFiles.OWNER_ONLY);
      return;
    }
    try {
      OwnFiles.setPermissions(envFile, AtomicFiles.OWNER_ONLY);
    } catch (IOException e) {
      throw new UncheckedIOException("could not chmod 0600 " + envFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * The variables in a {@code .env}, as {@link #parse} reads them; empty when the file does not
   * exist.
   *
   * @throws FileRefusedException when it is a symbolic link or over {@link OwnFiles#ENV_LIMIT}
   */
  public static Map<String, String> values(Path envFile) throws IOException {
    try {
      return parse(new String(read(envFile), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Map.of();
    }
  }

  /**
   * The variables in the text of a {@code .env}, in the order they first appear; when a key is
   * defined twice, the last value wins.
   */
  public static Map<String, String> parse(String content) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String raw : content.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      String key = line.substring(0, equals).strip();
      String value = unquote(line.substring(equals + 1).strip());
      values.put(key, value);
    }
    return values;
  }

  /** Copies a {@code .env}; the copy is 0600 whatever the source's mode was. */
  public static void copy(Path source, Path target) {
    try {
      AtomicFiles.write(target, read(source), AtomicFiles.OWNER_ONLY);
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy " + source + ": " + e.getMessage(), e);
    }
  }

  /** True when group or others can read or write the file itself (a link is not followed). */
  public static boolean isTooOpen(Path envFile) {
    try {
      Set<PosixFilePermission> perms =
          Files.getPosixFilePermissions(envFile, LinkOption.NOFOLLOW_LINKS);
      return !AtomicFiles.OWNER_ONLY.containsAll(perms);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The content of a {@code .env}, at most {@link OwnFiles#ENV_LIMIT}. */
  private static byte[] read(Path envFile) throws IOException {
    return OwnFiles.read(envFile, OwnFiles.ENV_LIMIT);
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }
}

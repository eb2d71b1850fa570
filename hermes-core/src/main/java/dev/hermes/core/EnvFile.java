package dev.hermes.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A profile's {@code .env}: secrets, so owner-only (0600) whenever hermes touches it, and never
 * read, copied or chmodded through a symbolic link ({@link OwnFiles}).
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

  /** The content of a {@code .env}, at most {@link OwnFiles#ENV_LIMIT}. */
  public static byte[] read(Path envFile) throws IOException {
    return OwnFiles.read(envFile, OwnFiles.ENV_LIMIT);
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
}

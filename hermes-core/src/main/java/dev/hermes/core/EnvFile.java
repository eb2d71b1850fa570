package dev.hermes.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** A profile's {@code .env}: secrets, so owner-only (0600) whenever hermes touches it. */
public final class EnvFile {
  private EnvFile() {}

  /** Creates an empty {@code .env} as 0600 when missing; otherwise tightens it to 0600. */
  public static void ensurePrivate(Path envFile) {
    if (Files.isSymbolicLink(envFile)) {
      throw new HermesException(envFile + " is a symlink; refusing to change it");
    }
    if (Files.notExists(envFile, LinkOption.NOFOLLOW_LINKS)) {
      AtomicFiles.write(envFile, new byte[0], AtomicFiles.OWNER_ONLY);
      return;
    }
    try {
      Files.setPosixFilePermissions(envFile, AtomicFiles.OWNER_ONLY);
    } catch (IOException e) {
      throw new UncheckedIOException("could not chmod 0600 " + envFile + ": " + e.getMessage(), e);
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system.
    }
  }

  /** Copies a {@code .env}; the copy is 0600 whatever the source's mode was. */
  public static void copy(Path source, Path target) {
    try {
      AtomicFiles.write(target, Files.readAllBytes(source), AtomicFiles.OWNER_ONLY);
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy " + source + ": " + e.getMessage(), e);
    }
  }

  /** True when group or others can read or write the file. */
  public static boolean isTooOpen(Path envFile) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(envFile);
      return !AtomicFiles.OWNER_ONLY.containsAll(perms);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}

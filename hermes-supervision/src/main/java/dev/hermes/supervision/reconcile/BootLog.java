package dev.hermes.supervision.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * {@code logs/container-boot.log}: one line per profile per boot. Rotated to {@code .1} (replacing
 * it) once it reaches {@link #ROTATE_AT} bytes, so it never grows without bound.
 */
public final class BootLog {
  public static final long ROTATE_AT = 256 * 1024;

  private final Path file;

  public BootLog(Path file) {
    this.file = file;
  }

  public void append(String line) {
    try {
      Files.createDirectories(file.getParent());
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) >= ROTATE_AT) {
        Files.move(
            file,
            file.resolveSibling(file.getFileName() + ".1"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE,
          // Boot runs as root over the tenant's volume: never append through a planted link.
          LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }
}

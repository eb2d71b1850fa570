package dev.hermes.supervision.s6;

import dev.hermes.core.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Writes a rendered service directory so that s6-svscan sees it complete or not at all: the files
 * go into a dot-prefixed sibling ({@code .NAME.tmp}, which s6-svscan ignores), which is then
 * renamed into place. Scripts ({@code run}, {@code finish}, {@code log/run}) are made executable.
 */
final class SlotFiles {
  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> DIRECTORY_MODE =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private SlotFiles() {}

  /**
   * Publishes {@code files} (relative path → content) as {@code scandir/name}, which must not
   * exist.
   */
  static void publish(Path scandir, String name, Map<String, String> files) {
    Path slot = scandir.resolve(name);
    Path staging = scandir.resolve("." + name + ".tmp");
    try {
      Files.createDirectories(scandir);
      FileTrees.delete(staging);
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = staging.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        // Whatever the umask: hermes up refuses a slot directory others can write to.
        for (Path dir = target.getParent(); dir.startsWith(staging); dir = dir.getParent()) {
          Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
        }
        Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(
            target,
            PosixFilePermissions.fromString(
                SlotRenderer.isExecutable(file.getKey()) ? "rwxr-xr-x" : "rw-r--r--"));
      }
      Files.move(staging, slot);
    } catch (IOException e) {
      FileTrees.deleteQuietly(staging);
      throw new UncheckedIOException(
          "could not write " + name + " in " + scandir + ": " + e.getMessage(), e);
    }
  }
}

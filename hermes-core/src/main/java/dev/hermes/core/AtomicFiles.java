package dev.hermes.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Whole-file replacement that a crash can never leave half-written: the bytes go to a temporary
 * file in the same directory, are forced to disk, and the temporary file is renamed over the
 * target. A reader sees the old content or the new, nothing in between. Renaming replaces a symlink
 * at the target path rather than writing through it.
 */
public final class AtomicFiles {
  /** The final step, separated so tests can interrupt a write between temp file and rename. */
  @FunctionalInterface
  public interface Rename {
    void move(Path from, Path to) throws IOException;
  }

  public static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  public static final Set<PosixFilePermission> OWNER_WRITE_ALL_READ =
      PosixFilePermissions.fromString("rw-r--r--");

  private static final AtomicFiles DEFAULT = new AtomicFiles(AtomicFiles::renameAtomically);

  private final Rename rename;

  public AtomicFiles(Rename rename) {
    this.rename = rename;
  }

  public static AtomicFiles standard() {
    return DEFAULT;
  }

  public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) {
    DEFAULT.replace(target, content, permissions);
  }

  public void replace(Path target, byte[] content, Set<PosixFilePermission> permissions) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      setPermissions(temp, permissions);
      rename.move(temp, target);
      temp = null;
      syncDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The write already failed; the caller hears about that, not about the cleanup.
        }
      }
    }
  }

  private static void renameAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void setPermissions(Path file, Set<PosixFilePermission> permissions)
      throws IOException {
    if (permissions == null) {
      return;
    }
    try {
      Files.setPosixFilePermissions(file, permissions);
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows hosts): permissions are the directory's ACLs there.
    }
  }

  /** Makes the rename itself durable; best effort because not every file system allows it. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // Durability of the directory entry is an optimisation, not a correctness requirement.
    }
  }
}

package dev.hermes.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Whole-file replacement that a crash can never leave half-written: the bytes go to a temporary
 * file in the same directory, are forced to disk, and the temporary file is renamed over the
 * target. A reader sees the old content or the new, nothing in between. Renaming replaces a symlink
 * at the target path rather than writing through it, and the temporary file is created new, without
 * following links ({@link OwnFiles} says why).
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
      temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
      // Created and written through one descriptor: CREATE_NEW fails on anything already at the
      // name, links included, and no second open by name could be sent elsewhere by a link
      // planted in between. Owner-only from the first byte; the final mode is set below.
      try (FileChannel out = FileChannel.open(temp, newFileOptions(), ownerOnly(dir))) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      if (permissions != null) {
        OwnFiles.setPermissions(temp, permissions);
      }
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

  private static Set<OpenOption> newFileOptions() {
    return Set.of(
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Mode 0600 at creation for a file in {@code dir}, where the file system has POSIX modes; nothing
   * elsewhere (Windows).
   */
  public static FileAttribute<?>[] ownerOnly(Path dir) {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
  }

  /** Renames {@code from} over {@code to} atomically where the file system can, else plainly. */
  public static void renameAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
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

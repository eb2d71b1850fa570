package dev.hermes.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Owner, group and mode of a path itself, never of what a symlink points to ({@code lstat}): what
 * decides whether a file may be trusted to be what hermes wrote.
 *
 * @param mode the full {@code st_mode}: file type bits and permission bits
 */
public record FileStatus(int uid, int gid, int mode) {
  private static final int TYPE_MASK = 0170000;
  private static final int DIRECTORY = 0040000;
  private static final int REGULAR = 0100000;
  private static final int SYMLINK = 0120000;
  private static final int FIFO = 0010000;
  private static final int GROUP_OR_OTHER_WRITE = 0022;
  private static final int STICKY = 01000;

  /** The status of {@code path} itself; empty when nothing is there. */
  public static Optional<FileStatus> of(Path path) throws IOException {
    try {
      Map<String, Object> a =
          Files.readAttributes(path, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
      return Optional.of(
          new FileStatus((Integer) a.get("uid"), (Integer) a.get("gid"), (Integer) a.get("mode")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  public boolean isDirectory() {
    return (mode & TYPE_MASK) == DIRECTORY;
  }

  public boolean isRegularFile() {
    return (mode & TYPE_MASK) == REGULAR;
  }

  public boolean isSymlink() {
    return (mode & TYPE_MASK) == SYMLINK;
  }

  public boolean isFifo() {
    return (mode & TYPE_MASK) == FIFO;
  }

  /** Someone besides the owner (and root) can change it, or what is in it. */
  public boolean writableByOthers() {
    return (mode & GROUP_OR_OTHER_WRITE) != 0;
  }

  public boolean sticky() {
    return (mode & STICKY) != 0;
  }

  /** The permission bits as {@code chmod} takes them, e.g. {@code 0775}. */
  public String permissions() {
    return String.format("%04o", mode & 07777);
  }
}

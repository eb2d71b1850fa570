package dev.hermes.supervision.s6;

import dev.hermes.core.FileStatus;
import dev.hermes.core.HermesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code hermes up} checks before it trusts a file of its supervision tree: s6 executes every
 * {@code run} and {@code finish} below the scandir as the user running the tree, and s6-log writes
 * where the log directories point. Each such path must belong to that user and be writable by no
 * one else, and must not be a symlink; otherwise whoever else can write it would run code as that
 * user (as root, if root runs the tree). Checked at every start, not only when hermes created the
 * path: a tree left behind is as untrusted as a new one.
 *
 * <p>The one exception is s6's own {@code event} fifodir in each service (mode 3730, sticky):
 * s6-supervise makes it writable for its subscribers on purpose, and what is in it is never run.
 */
public final class TreeOwnership {
  /** Deep enough for scandir/slot/log/supervise/control, shallow enough to stay cheap. */
  private static final int MAX_DEPTH = 6;

  private static final Set<PosixFilePermission> DIRECTORY_MODE =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private final int uid;

  public TreeOwnership(int uid) {
    this.uid = uid;
  }

  public int uid() {
    return uid;
  }

  /**
   * HERMES_HOME: the directory (followed, it may be a symlink) and every directory above it, both
   * along the path as given and along its real path, may be changed by no one but this user and
   * root (a sticky directory such as /tmp excepted); HERMES_HOME itself belongs to this user.
   */
  public void requireHome(Path home) {
    Path absolute = home.toAbsolutePath().normalize();
    requireAbove(absolute);
    Path real;
    try {
      real = absolute.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + absolute + ": " + e.getMessage(), e);
    }
    requireAbove(real);
    FileStatus status = status(real).orElseThrow();
    if (!status.isDirectory()) {
      throw new HermesException("HERMES_HOME " + absolute + " is not a directory");
    }
    requireOwnedAndClosed(real, status, "HERMES_HOME " + absolute);
  }

  /** A directory of the tree: created (0755) when missing, else checked. */
  public void requireDirectory(Path dir) {
    try {
      if (status(dir).isEmpty()) {
        Files.createDirectories(dir.getParent());
        Files.createDirectory(dir);
        // Set after creation: the umask (002 on many desktops) must not leave it group-writable.
        Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + dir + ": " + e.getMessage(), e);
    }
    FileStatus status = status(dir).orElseThrow();
    refuseSymlink(dir, status);
    if (!status.isDirectory()) {
      throw refusal(dir, "is not a directory", "remove it");
    }
    requireOwnedAndClosed(dir, status, dir.toString());
  }

  /** A file of the tree (a lock, a pid file): absent, or a regular file checked as above. */
  public void requireFileOrAbsent(Path file) {
    Optional<FileStatus> status = status(file);
    if (status.isEmpty()) {
      return;
    }
    refuseSymlink(file, status.get());
    if (!status.get().isRegularFile()) {
      throw refusal(file, "is not a regular file", "remove it");
    }
    requireOwnedAndClosed(file, status.get(), file.toString());
  }

  /** Everything below the scandir: each service, script, supervise and log directory. */
  public void requireTree(Path root) {
    requireDirectory(root);
    try {
      Files.walkFileTree(
          root,
          Set.of(),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              FileStatus s = status(dir).orElseThrow();
              if (isEventFifodir(dir, s)) {
                requireOwner(dir, s);
                return FileVisitResult.SKIP_SUBTREE;
              }
              requireOwnedAndClosed(dir, s, dir.toString());
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              FileStatus s = status(file).orElseThrow();
              refuseSymlink(file, s);
              requireOwnedAndClosed(file, s, file.toString());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not check " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * The log directories s6-log writes as the tree's user: each entry must belong to that user and
   * not be a symlink (s6-log would write, and rotate, where it points). Being data, not code, an
   * entry of its own that is group- or other-writable (a directory {@code profile create} made
   * under umask 002) is closed with {@code chmod go-w} instead of refused; parents first, so no one
   * else can swap an entry between its check and its chmod.
   */
  public void closeTree(Path root) {
    if (status(root).isEmpty()) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          Set.of(),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              close(dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              close(file);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not check " + root + ": " + e.getMessage(), e);
    }
  }

  private void close(Path path) throws IOException {
    FileStatus s = status(path).orElseThrow();
    refuseSymlink(path, s);
    requireOwner(path, s);
    if (s.writableByOthers()) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      permissions.removeAll(
          Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
      Files.setPosixFilePermissions(path, permissions);
    }
  }

  /** A directory this process just created: closed like the log tree (see {@link #closeTree}). */
  public void closeCreated(Path dir) {
    try {
      close(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not chmod " + dir + ": " + e.getMessage(), e);
    }
  }

  /** s6-supervise's {@code event} fifodir: sticky and group-writable by design. */
  private static boolean isEventFifodir(Path dir, FileStatus s) {
    return dir.getFileName().toString().equals("event") && s.sticky();
  }

  private void requireAbove(Path absolute) {
    for (Path dir = absolute.getParent(); dir != null; dir = dir.getParent()) {
      FileStatus s = status(dir).orElseThrow();
      if (s.uid() != uid && s.uid() != 0) {
        throw refusal(
            dir,
            "belongs to uid " + s.uid() + ", who could replace what is below it",
            "put HERMES_HOME where only you and root can write");
      }
      if (!s.isSymlink() && s.writableByOthers() && !s.sticky()) {
        throw refusal(
            dir,
            "is writable by group or others (mode " + s.permissions() + ")",
            "chmod go-w " + dir + ", or put HERMES_HOME elsewhere");
      }
    }
  }

  private void requireOwnedAndClosed(Path path, FileStatus s, String what) {
    requireOwner(what, s);
    if (s.writableByOthers()) {
      throw refusal(
          what,
          "is writable by group or others (mode " + s.permissions() + ")",
          "chmod go-w " + path + ", or remove it and hermes rebuilds what it generates");
    }
  }

  private void requireOwner(Object what, FileStatus s) {
    if (s.uid() != uid) {
      throw refusal(
          what,
          "belongs to uid " + s.uid() + ", not to uid " + uid + " that runs the supervision tree",
          "remove it, or run hermes up as its owner");
    }
  }

  private static void refuseSymlink(Path path, FileStatus s) {
    if (s.isSymlink()) {
      throw refusal(path, "is a symlink, which the supervision tree never follows", "remove it");
    }
  }

  private static HermesException refusal(Object path, String problem, String fix) {
    return new HermesException("refusing to start: " + path + " " + problem + " (" + fix + ")");
  }

  private static Optional<FileStatus> status(Path path) {
    try {
      return FileStatus.of(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}

package dev.hermes.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * The one way hermes opens its own files ({@code config.yaml}, {@code .env}, {@code
 * gateway_state.json} and its lock, {@code gateway.lock}, pid files, the dashboard token): never
 * through a symbolic link, and never more than the file's cap.
 *
 * <p>No links, because root runs hermes on a tenant's HERMES_HOME (the container's boot, {@code
 * hermes up}): a link the tenant planted where hermes expects its file must not make root read or
 * write a root-only file. It did: root's gateway read a root-only file through a linked {@code
 * .env} and sent its content as {@code Bearer ...}. Every open passes {@code O_NOFOLLOW}, so a link
 * swapped in after any check is refused by the kernel too, and a lock file is never created at a
 * dangling link's target. Only the last path component is checked: the directories above are
 * HERMES_HOME's own layout.
 *
 * <p>Caps, because a file is parsed whole and SnakeYAML's reader copies its window for every 1 KB
 * of a token: a 50 MB {@code config.yaml} holding one long line kept {@code profile list}, {@code
 * gateway status --all}, {@code doctor} and {@code up} busy for minutes. A file over its cap is one
 * line and never read; the size is checked on the opened file and reading stops at cap + 1 bytes,
 * so a file that grows meanwhile (or a {@code /proc} file that reports size 0) is bounded too.
 */
public final class OwnFiles {
  public static final long KB = 1024;
  public static final long MB = 1024 * KB;

  /**
   * {@code config.yaml}: a few hundred bytes in practice. At 256 KB the worst case, one 256 KB
   * scalar, still parses in about a third of a second; at 1 MB it takes seconds, and a command
   * reads the default profile's config several times.
   */
  public static final long CONFIG_LIMIT = 256 * KB;

  /** {@code .env}: {@code KEY=value} lines holding a few secrets. */
  public static final long ENV_LIMIT = 64 * KB;

  /** {@code gateway_state.json}: a dozen fields hermes writes itself, one line of reason. */
  public static final long STATE_LIMIT = 64 * KB;

  /** {@code SOUL.md}: the operator's free text, only copied (by {@code profile create --clone}). */
  public static final long SOUL_LIMIT = MB;

  /** Pid files, the install stamp, the dashboard token, {@code /proc/PID/comm}: one short line. */
  public static final long LINE_LIMIT = 4 * KB;

  private static final String LINK =
      "is a symbolic link; hermes does not follow links in HERMES_HOME";

  private OwnFiles() {}

  /**
   * The whole file, at most {@code limit} bytes.
   *
   * @throws NoSuchFileException when it does not exist
   * @throws FileRefusedException when it is a symbolic link (dangling or not), not a regular file,
   *     or larger than {@code limit}
   */
  public static byte[] read(Path file, long limit) throws IOException {
    if (limit < 0 || limit >= Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
    try (FileChannel channel = openForReading(file)) {
      long size = channel.size();
      if (size > limit) {
        throw tooLarge(file, size, limit);
      }
      InputStream in = Channels.newInputStream(channel);
      byte[] bytes = in.readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        throw new FileRefusedException(
            file, "grew past its limit of " + describeSize(limit) + " while being read");
      }
      return bytes;
    }
  }

  /**
   * Opens a file to read part of it (a log's tail), refused like {@link #read}; bounding what is
   * read is the caller's.
   */
  public static FileChannel openForReading(Path file) throws IOException {
    // A FIFO would block the open forever; refuse what is not a plain file before opening.
    refuseUnlessRegular(file);
    return open(file, StandardOpenOption.READ);
  }

  /** {@link #read} as UTF-8 text. */
  public static String readText(Path file, long limit) throws IOException {
    return new String(read(file, limit), StandardCharsets.UTF_8);
  }

  /**
   * Opens (creating it when missing) a lock file, for writing: its content, if any, is read through
   * {@link #read} like any other file (a {@link PidLock} may hold its holder's pid). Refused like
   * {@link #read}, so a dangling link never makes hermes create a file at its target.
   */
  static FileChannel openLock(Path file) throws IOException {
    try {
      refuseUnlessRegular(file);
    } catch (NoSuchFileException e) {
      // Created below; O_NOFOLLOW still refuses a link planted in between.
    }
    return open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  /**
   * Sets the mode of the file itself, never of a link's target (the {@code chmod} of {@code doctor
   * --fix} and of every atomic write). A no-op where the file system has no POSIX modes.
   */
  public static void setPermissions(Path file, Set<PosixFilePermission> permissions)
      throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return;
    }
    refuseUnlessRegular(file);
    try {
      // The JDK changes a mode without following links by opening the file O_NOFOLLOW and fchmod;
      // that open needs read permission, which every file hermes chmods gives its owner.
      view.setPermissions(permissions);
    } catch (IOException e) {
      throw refusedIfLink(file, e);
    }
  }

  /** {@code 4 KB}, {@code 1.5 MB}, {@code 12 bytes}: whole units when exact, else one decimal. */
  public static String describeSize(long bytes) {
    long[] units = {1024 * MB, MB, KB};
    String[] names = {"GB", "MB", "KB"};
    for (int i = 0; i < units.length; i++) {
      if (bytes >= units[i]) {
        long tenths = Math.round(bytes * 10.0 / units[i]);
        return (tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10)
            + " "
            + names[i];
      }
    }
    return bytes == 1 ? "1 byte" : bytes + " bytes";
  }

  private static FileRefusedException tooLarge(Path file, long size, long limit) {
    String sizeText = describeSize(size);
    String limitText = describeSize(limit);
    if (sizeText.equals(limitText)) {
      // Just over: rounding would print the same number twice.
      sizeText = size + " bytes";
      limitText = limitText + " (" + limit + " bytes)";
    }
    return new FileRefusedException(file, "is " + sizeText + "; the limit is " + limitText);
  }

  private static void refuseUnlessRegular(Path file) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attributes.isSymbolicLink()) {
      throw new FileRefusedException(file, LINK);
    }
    if (!attributes.isRegularFile()) {
      throw new FileRefusedException(file, "is not a regular file");
    }
  }

  private static FileChannel open(Path file, OpenOption... options) throws IOException {
    OpenOption[] noFollow = Arrays.copyOf(options, options.length + 1);
    noFollow[options.length] = LinkOption.NOFOLLOW_LINKS;
    try {
      return FileChannel.open(file, noFollow);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw e;
    } catch (IOException e) {
      // O_NOFOLLOW's ELOOP reads "Too many levels of symbolic links": say what it means.
      throw refusedIfLink(file, e);
    }
  }

  private static IOException refusedIfLink(Path file, IOException e) {
    if (Files.isSymbolicLink(file)) {
      throw new FileRefusedException(file, LINK);
    }
    return e;
  }
}

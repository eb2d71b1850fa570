package dev.hermes.dashboard;

import dev.hermes.core.AtomicFiles;
import dev.hermes.core.FileRefusedException;
import dev.hermes.core.OwnFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The login token in {@code $HERMES_HOME/dashboard.token}. Created (mode 0600, 256 random bits)
 * when absent; an existing one is used only if it is still a secret: a regular file (not a
 * symlink), without group or other permissions, at most {@link OwnFiles#LINE_LIMIT} long, holding
 * at least {@value #MIN_LENGTH} printable characters. Anything else is a refusal, never a silent
 * fallback to an open dashboard.
 */
final class DashboardToken {
  static final int MIN_LENGTH = 32;

  private static final Set<PosixFilePermission> SHARED =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  /** The token, and whether this call created the file (then it is printed, once). */
  record Loaded(String token, boolean created) {}

  private DashboardToken() {}

  /** Reads the token file, creating it first when it does not exist. */
  static Loaded loadOrCreate(Path file) {
    boolean created = false;
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      try {
        AtomicFiles.write(
            file,
            (Secrets.random() + "\n").getBytes(StandardCharsets.UTF_8),
            AtomicFiles.OWNER_ONLY);
        created = true;
      } catch (UncheckedIOException e) {
        throw unusable(file, "cannot be created: " + e.getCause().getMessage());
      }
    }
    return new Loaded(read(file), created);
  }

  private static String read(Path file) {
    try {
      if (Files.isSymbolicLink(file)) {
        throw unusable(file, "is a symbolic link");
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw unusable(file, "is not a regular file");
      }
      Set<PosixFilePermission> mode =
          Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      if (mode.stream().anyMatch(SHARED::contains)) {
        throw unusable(
            file,
            "is open to other users (mode "
                + PosixFilePermissions.toString(mode)
                + "): 'chmod 600' it or delete it to get a new one");
      }
      // The checks above give the reasons; OwnFiles makes the read itself refuse a link swapped in
      // since (O_NOFOLLOW) and stop at its cap.
      String token = OwnFiles.readText(file, OwnFiles.LINE_LIMIT).strip();
      if (token.length() < MIN_LENGTH || !token.matches("[!-~]+")) {
        throw unusable(
            file,
            "holds no usable token (at least "
                + MIN_LENGTH
                + " printable characters, no spaces): delete it to get a new one");
      }
      return token;
    } catch (FileRefusedException e) {
      throw unusable(file, e.reason());
    } catch (NoSuchFileException e) {
      throw unusable(file, "vanished while being read");
    } catch (IOException | UncheckedIOException e) {
      throw unusable(file, "cannot be read: " + e.getMessage());
    }
  }

  private static DashboardRefusedException unusable(Path file, String why) {
    return new DashboardRefusedException("the login token file " + file + " " + why);
  }
}

package dev.hermes.supervision.handoff;

import dev.hermes.core.FileStatus;
import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whose HERMES_HOME it is: the owner of its real directory, or, while it does not exist yet, of the
 * closest directory above it (so a first {@code sudo hermes up} on a user's {@code ~/.hermes}
 * creates it as that user). The account comes from the passwd database through {@code getent}, so
 * NSS users count too; a uid with no entry still has a uid and the directory's group.
 *
 * @param name the account name, or null when the uid has no passwd entry
 * @param home the passwd home directory, or null when there is none
 */
public record HomeOwner(int uid, int gid, String name, Path home) {
  /** Names s6-setuidgid can take as an account without mistaking them for uid:gid. */
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*\\$?");

  /** The owner's uid alone: a stat, no account lookup. */
  public static int uidOf(Path hermesHome) {
    return ownerStatus(hermesHome.toAbsolutePath().normalize()).uid();
  }

  public static HomeOwner of(Path hermesHome, CommandRunner runner) {
    FileStatus status = ownerStatus(hermesHome.toAbsolutePath().normalize());
    HomeOwner bare = new HomeOwner(status.uid(), status.gid(), null, null);
    CommandResult passwd = runner.run("getent", "passwd", Integer.toString(status.uid()));
    return passwd.exitCode() == 0 ? bare.withPasswdLine(passwd.stdout().strip()) : bare;
  }

  /** The fields of {@code name:x:uid:gid:gecos:home:shell} that are this uid's, else unchanged. */
  HomeOwner withPasswdLine(String line) {
    String[] f = line.split(":", -1);
    if (f.length < 7 || !f[2].equals(Integer.toString(uid)) || !ACCOUNT.matcher(f[0]).matches()) {
      return this;
    }
    int primary;
    try {
      primary = Integer.parseInt(f[3]);
    } catch (NumberFormatException e) {
      return this;
    }
    return new HomeOwner(uid, primary, f[0], f[5].startsWith("/") ? Path.of(f[5]) : null);
  }

  /** How messages name it: {@code alice (uid 1000)}, or {@code uid 1000}. */
  public String describe() {
    return name != null ? name + " (uid " + uid + ")" : "uid " + uid;
  }

  /** What s6-setuidgid takes: the account (uid, gid and its groups) or {@code uid:gid}. */
  public String account() {
    return name != null ? name : uid + ":" + gid;
  }

  /**
   * HOME for processes run as the owner: the passwd home when it is a directory the owner owns,
   * else HERMES_HOME (accounts such as nobody have {@code /nonexistent}); never root's.
   */
  public Path processHome(Path hermesHome) {
    if (home != null) {
      try {
        if (Files.isDirectory(home) && (Integer) Files.getAttribute(home, "unix:uid") == uid) {
          return home;
        }
      } catch (IOException | UnsupportedOperationException e) {
        // Unreadable: fall back below.
      }
    }
    return hermesHome.toAbsolutePath().normalize();
  }

  private static FileStatus ownerStatus(Path home) {
    for (Path p = home; p != null; p = p.getParent()) {
      try {
        Path existing = p.toRealPath();
        Optional<FileStatus> status = FileStatus.of(existing);
        if (status.isPresent()) {
          return status.get();
        }
      } catch (java.nio.file.NoSuchFileException e) {
        // Not there yet: its parent decides.
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalStateException("no existing directory above " + home);
  }
}

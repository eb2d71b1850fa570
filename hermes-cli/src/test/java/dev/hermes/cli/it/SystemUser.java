package dev.hermes.cli.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A temporary system account ({@code useradd --system --no-create-home}) for tests that need a
 * second real user with a passwd entry, removed again by {@link #close}. Needs root.
 */
public final class SystemUser implements AutoCloseable {
  private final String name;
  private final int uid;
  private final int gid;

  private SystemUser(String name, int uid, int gid) {
    this.name = name;
    this.uid = uid;
    this.gid = gid;
  }

  public static boolean canCreate() {
    return isRoot() && Files.isExecutable(Path.of("/usr/sbin/useradd"));
  }

  public static boolean isRoot() {
    return uidOf(ProcessHandle.current().pid()) == 0;
  }

  /** A new account named after this JVM, so parallel runs never share one. */
  public static SystemUser create() {
    String name = "hermes-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 10_000;
    run(
        "/usr/sbin/useradd",
        "--system",
        "--no-create-home",
        "--user-group",
        "--shell",
        "/usr/sbin/nologin",
        name);
    return new SystemUser(
        name, Integer.parseInt(run("id", "-u", name)), Integer.parseInt(run("id", "-g", name)));
  }

  public String name() {
    return name;
  }

  public int uid() {
    return uid;
  }

  /** Gives {@code path} (not what a symlink points to) to this user and its group. */
  public void chown(Path path) throws IOException {
    Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
  }

  /** The real uid of a live process, from /proc/PID/status. */
  public static int uidOf(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("Uid:")) {
          return Integer.parseInt(line.split("\\s+")[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no Uid line for " + pid);
  }

  public static int ownerOf(Path path) {
    try {
      return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    run("/usr/sbin/userdel", name);
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.testing.Required;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole s6 flow as an unprivileged user: {@code hermes up}, profile create, start, stop,
 * delete, with every process dropped to a uid that has no passwd entry and no file of root's in the
 * control path. Needs root to drop privileges (CI runs as root); skipped otherwise.
 */
class UnprivilegedIT {
  private static final int UID = 43_210;
  private static final Path APPLY_UIDGID = Path.of(S6UnderTest.tool("s6-applyuidgid"));

  @TempDir Path tmp;

  private HermesCli cli;
  private HermesUp up;
  private Path home;

  @BeforeEach
  void setUp() throws Exception {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    Required.engine(Files.isExecutable(APPLY_UIDGID), "s6-applyuidgid is not installed");
    assumeTrue(isRoot(), "running as root, so privileges can be dropped");

    // An install tree the user can read: the launcher finds lib/hermes.jar beside bin/.
    Path install = tmp.resolve("install");
    Files.createDirectories(install.resolve("bin"));
    Files.createDirectories(install.resolve("lib"));
    Path launcher = install.resolve("bin/hermes");
    Files.copy(HermesCli.LAUNCHER, launcher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(
        HermesCli.LAUNCHER.getParent().resolve("../hermes-cli/target/hermes.jar").normalize(),
        install.resolve("lib/hermes.jar"));

    home = tmp.resolve("home");
    Path userHome = tmp.resolve("user");
    Path cache = userHome.resolve("cache");
    Files.createDirectories(home);
    Files.createDirectories(cache);
    int base = 20000 + (int) (ProcessHandle.current().pid() % 400) * 100;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 99) + "\"\n");
    openUp(tmp);
    openUp(install);
    for (Path owned : List.of(home, userHome, cache, home.resolve("config.yaml"))) {
      chown(owned);
    }

    cli =
        new HermesCli(
            home,
            tmp,
            launcher,
            List.of(
                APPLY_UIDGID.toString(),
                "-u",
                Integer.toString(UID),
                "-g",
                Integer.toString(UID),
                "-G",
                Integer.toString(UID)));
    cli.env("HOME", userHome.toString()).env("HERMES_CACHE_DIR", cache.toString());
  }

  @AfterEach
  void tearDown() {
    if (up != null) {
      up.close();
    }
  }

  @Test
  void theWholeFlowRunsWithoutRoot() throws Exception {
    up = HermesUp.start(cli, tmp.resolve("up.log"));
    assertThat(uidOf(up.pid())).as("hermes up").isEqualTo(UID);

    assertThat(cli.ok("profile", "create", "coder")).startsWith("✓ Created profile 'coder'");
    assertThat(cli.ok("-p", "coder", "gateway", "start", "--wait"))
        .startsWith("✓ Started gateway-coder: ready, PID ");
    JsonNode coder = cli.gateway("coder");
    assertThat(uidOf(coder.get("pid").asLong())).as("the gateway").isEqualTo(UID);

    Path scandir = home.resolve("run/service");
    long scanner = Long.parseLong(Files.readString(home.resolve("run/s6-svscan.pid")).trim());
    assertThat(uidOf(scanner)).as("s6-svscan").isEqualTo(UID);
    try (Stream<Path> tree = Files.walk(scandir)) {
      assertThat(tree.toList())
          .as("everything under the scandir belongs to the user")
          .allSatisfy(p -> assertThat(owner(p)).as(p.toString()).isEqualTo(UID));
    }
    assertThat(owner(scandir.resolve("gateway-coder/supervise/control"))).isEqualTo(UID);

    assertThat(cli.ok("-p", "coder", "gateway", "stop", "--wait"))
        .isEqualTo("✓ Stopped gateway-coder: down\n");
    assertThat(cli.ok("profile", "delete", "coder", "--yes")).contains("Deleted profile 'coder'");
    assertThat(scandir.resolve("gateway-coder")).doesNotExist();

    assertThat(up.stop(Duration.ofSeconds(90))).isZero();
  }

  private static boolean isRoot() throws IOException {
    return uidOf(ProcessHandle.current().pid()) == 0;
  }

  /** The real uid from /proc/PID/status. */
  private static int uidOf(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("Uid:")) {
        return Integer.parseInt(line.split("\\s+")[1]);
      }
    }
    throw new IllegalStateException("no Uid line for " + pid);
  }

  private static int owner(Path p) {
    try {
      return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void chown(Path p) throws IOException {
    Files.setAttribute(p, "unix:uid", UID, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(p, "unix:gid", UID, LinkOption.NOFOLLOW_LINKS);
  }

  /** Lets the user traverse and read a directory tree root created. */
  private static void openUp(Path dir) throws IOException {
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path p : tree.toList()) {
        Files.setPosixFilePermissions(
            p,
            PosixFilePermissions.fromString(
                Files.isDirectory(p) || Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }
}

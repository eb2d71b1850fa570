package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.testing.Required;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Root running hermes on a HERMES_HOME another user owns (sudo with that user's HOME, a volume
 * owned by the runtime user): the owner can plant or edit any slot there, so root must run the
 * whole s6 tree as the owner, and must refuse a tree in its own home that someone else can write.
 * Needs root, to create the second user (removed afterwards); skipped otherwise.
 */
class RootOnForeignHomeIT {
  @TempDir Path tmp;

  private SystemUser user;
  private Path home;
  private Path out;
  private HermesCli cli;
  private HermesUp up;

  @BeforeEach
  void setUp() throws IOException {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    assumeTrue(SystemUser.canCreate(), "needs root and useradd to create a second user");
    user = SystemUser.create();
    // The owner must reach its home: @TempDir is 0700 root.
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    home = Files.createDirectory(tmp.resolve("home"));
    out = Files.createDirectory(tmp.resolve("out"));
    int base = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 99) + "\"\n");
    cli = new HermesCli(home, tmp).env("HERMES_DASHBOARD", "0");
  }

  @AfterEach
  void tearDown() {
    if (up != null) {
      up.close();
    }
    if (user != null) {
      user.close();
    }
  }

  @Test
  void rootsHermesUpRunsTheWholeTreeAsTheOwnerOfHermesHome() throws Exception {
    // What the owner left while hermes up was stopped: a slot of its own in the scandir.
    plant(home.resolve("run/service/planted"));
    chownTree(home);
    user.chown(out);

    up = HermesUp.start(cli, tmp.resolve("up.log"));

    Path planted = out.resolve("planted-uid");
    await("the planted run script")
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.isRegularFile(planted) && Files.size(planted) > 0);
    assertThat(Files.readString(planted).strip())
        .as("the uid the planted script ran as")
        .isEqualTo(Integer.toString(user.uid()));

    long scanner = Long.parseLong(Files.readString(home.resolve("run/s6-svscan.pid")).strip());
    assertThat(SystemUser.uidOf(scanner)).as("s6-svscan").isEqualTo(user.uid());
    JsonNode gateway = cli.awaitGateway("default", Duration.ofSeconds(90), HermesCli::ready);
    assertThat(SystemUser.uidOf(gateway.get("pid").asLong()))
        .as("the default gateway")
        .isEqualTo(user.uid());
    assertThat(SystemUser.uidOf(up.pid())).as("the hermes up root started").isZero();

    String announcement =
        "hermes up: HERMES_HOME belongs to "
            + user.name()
            + " (uid "
            + user.uid()
            + "); running the supervision tree as "
            + user.name();
    assertThat(occurrences(up.output(), announcement)).as(up.output()).isEqualTo(1);

    assertThat(up.stop(Duration.ofSeconds(90))).as(up.output()).isZero();
    assertThat(Files.readString(planted).strip()).isEqualTo(Integer.toString(user.uid()));
    try (Stream<Path> tree = Files.walk(home)) {
      assertThat(tree.toList())
          .as("nothing in HERMES_HOME belongs to root")
          .allSatisfy(
              p -> assertThat(SystemUser.ownerOf(p)).as(p.toString()).isEqualTo(user.uid()));
    }
  }

  @Test
  void otherCommandsRootRunsThereLeaveOnlyFilesTheOwnerOwns() throws Exception {
    chownTree(home);

    HermesCli.Result created = cli.run("profile", "create", "coder");

    assertThat(created.code()).as(created.toString()).isZero();
    assertThat(created.err())
        .isEqualTo(
            "hermes: HERMES_HOME belongs to "
                + user.name()
                + " (uid "
                + user.uid()
                + "); running this command as "
                + user.name()
                + "\n");
    try (Stream<Path> tree = Files.walk(home)) {
      assertThat(tree.toList())
          .as("nothing in HERMES_HOME belongs to root")
          .allSatisfy(
              p -> assertThat(SystemUser.ownerOf(p)).as(p.toString()).isEqualTo(user.uid()));
    }
  }

  @Test
  void rootRefusesAGroupWritableSlotInItsOwnHome() throws Exception {
    Path slot = home.resolve("run/service/planted");
    plant(slot);
    Files.setPosixFilePermissions(slot, PosixFilePermissions.fromString("rwxrwxr-x"));

    HermesCli.Result r = cli.run("up");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "hermes: error: refusing to start: "
                + slot
                + " is writable by group or others (mode 0775) (chmod go-w "
                + slot
                + ", or remove it and hermes rebuilds what it generates)\n");
    assertThat(out.resolve("planted-uid")).doesNotExist();
    assertThat(home.resolve("run/s6-svscan.pid")).doesNotExist();
  }

  @Test
  void rootRefusesAScriptSomeoneElseOwnsInItsOwnScandir() throws Exception {
    Path slot = home.resolve("run/service/planted");
    plant(slot);
    user.chown(slot.resolve("run"));

    HermesCli.Result r = cli.run("up");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "hermes: error: refusing to start: "
                + slot.resolve("run")
                + " belongs to uid "
                + user.uid());
    assertThat(out.resolve("planted-uid")).doesNotExist();
  }

  /** A service whose run script records the uid it runs as, then idles until stopped. */
  private void plant(Path slot) throws IOException {
    Files.createDirectories(slot);
    Path run = slot.resolve("run");
    Files.writeString(
        run,
        "#!/bin/sh\nid -u >" + out.resolve("planted-uid") + "\nexec sleep 1000\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (Path dir : List.of(home.resolve("run"), home.resolve("run/service"), slot)) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private void chownTree(Path root) throws IOException {
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path p : tree.toList()) {
        user.chown(p);
      }
    }
  }

  private static int occurrences(String text, String line) {
    int count = 0;
    for (int i = text.indexOf(line); i >= 0; i = text.indexOf(line, i + 1)) {
      count++;
    }
    return count;
  }
}

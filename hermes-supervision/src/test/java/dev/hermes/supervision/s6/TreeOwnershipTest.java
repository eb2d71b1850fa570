package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hermes.core.HermesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeOwnershipTest {
  @TempDir Path tmp;

  private int me;
  private TreeOwnership ownership;
  private Path scandir;

  @BeforeEach
  void setUp() throws IOException {
    me = (Integer) Files.getAttribute(tmp, "unix:uid");
    ownership = new TreeOwnership(me);
    scandir = tmp.resolve("run/service");
  }

  @Test
  void aMissingScandirIsCreatedClosedToOthers() throws Exception {
    ownership.requireTree(scandir);

    assertThat(Files.getPosixFilePermissions(scandir))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void aSlotOthersCanWriteIsRefusedWithTheFix() throws Exception {
    Path slot = slot("gateway-coder");
    Files.setPosixFilePermissions(slot, PosixFilePermissions.fromString("rwxrwxr-x"));

    assertThatThrownBy(() -> ownership.requireTree(scandir))
        .isInstanceOf(HermesException.class)
        .hasMessage(
            "refusing to start: "
                + slot
                + " is writable by group or others (mode 0775) (chmod go-w "
                + slot
                + ", or remove it and hermes rebuilds what it generates)");
  }

  @Test
  void aWorldWritableScriptIsRefused() throws Exception {
    Path run = slot("gateway-coder").resolve("run");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xrwx"));

    assertThatThrownBy(() -> ownership.requireTree(scandir))
        .hasMessageContaining(run + " is writable");
  }

  @Test
  void aSymlinkAnywhereInTheTreeIsRefused() throws Exception {
    Path slot = slot("gateway-coder");
    Path link = Files.createSymbolicLink(slot.resolve("finish"), Path.of("/bin/true"));

    assertThatThrownBy(() -> ownership.requireTree(scandir))
        .hasMessage(
            "refusing to start: "
                + link
                + " is a symlink, which the supervision tree never follows"
                + " (remove it)");
  }

  @Test
  void aSlotOfAnotherUserIsRefused() throws Exception {
    assumeTrue(me == 0, "needs root to give a file to another uid");
    Path run = slot("planted").resolve("run");
    Files.setAttribute(run, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);

    assertThatThrownBy(() -> ownership.requireTree(scandir))
        .hasMessageStartingWith(
            "refusing to start: " + run + " belongs to uid 65534, not to uid 0");
  }

  @Test
  void s6sEventFifodirIsWritableByDesignAndItsContentIsNotChecked() throws Exception {
    Path event = Files.createDirectory(slot("gateway-coder").resolve("event"));
    Files.setPosixFilePermissions(event, PosixFilePermissions.fromString("rwx-wx---"));
    Files.setAttribute(event, "unix:mode", 03730);
    Path subscriber = Files.writeString(event.resolve("ftrig1abc"), "");
    Files.setPosixFilePermissions(subscriber, PosixFilePermissions.fromString("rw-rw-rw-"));

    ownership.requireTree(scandir);
  }

  @Test
  void theLogTreeIsClosedRatherThanRefusedButNeverThroughASymlink() throws Exception {
    Path logs = Files.createDirectories(tmp.resolve("logs/gateways/coder"));
    Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxr-x"));
    Path current = Files.writeString(logs.resolve("current"), "line\n");
    Files.setPosixFilePermissions(current, PosixFilePermissions.fromString("rw-rw-rw-"));

    ownership.closeTree(tmp.resolve("logs"));

    assertThat(Files.getPosixFilePermissions(logs))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(Files.getPosixFilePermissions(current))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));

    Files.delete(current);
    Files.createSymbolicLink(current, tmp.resolve("elsewhere"));
    assertThatThrownBy(() -> ownership.closeTree(tmp.resolve("logs")))
        .hasMessageContaining(current + " is a symlink");
  }

  @Test
  void hermesHomeBelowADirectoryOthersCanWriteIsRefusedUnlessItIsSticky() throws Exception {
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Path home = Files.createDirectory(shared.resolve("home"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(() -> ownership.requireHome(home))
        .hasMessageStartingWith("refusing to start: " + shared + " is writable by group or others");

    Files.setAttribute(shared, "unix:mode", 01777);
    ownership.requireHome(home);
  }

  @Test
  void aHermesHomeOfAnotherUserIsRefused() throws Exception {
    assumeTrue(me == 0, "needs root to give a directory to another uid");
    Path home = Files.createDirectory(tmp.resolve("home"));
    Files.setAttribute(home, "unix:uid", 65534);

    assertThatThrownBy(() -> ownership.requireHome(home))
        .hasMessageStartingWith("refusing to start: HERMES_HOME " + home + " belongs to uid 65534");
  }

  private Path slot(String name) throws IOException {
    Path slot = Files.createDirectories(scandir.resolve(name));
    for (Path dir = slot; dir.startsWith(tmp) && !dir.equals(tmp); dir = dir.getParent()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path run = Files.writeString(slot.resolve("run"), "#!/bin/sh\nexec true\n");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    return slot;
  }
}

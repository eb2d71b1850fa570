package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStatusTest {
  @TempDir Path dir;

  @Test
  void readsThePathItselfNotWhatASymlinkPointsTo() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Path link = Files.createSymbolicLink(dir.resolve("link"), file);

    assertThat(FileStatus.of(file).orElseThrow().isRegularFile()).isTrue();
    assertThat(FileStatus.of(link).orElseThrow().isSymlink()).isTrue();
    assertThat(FileStatus.of(dir).orElseThrow().isDirectory()).isTrue();
    assertThat(FileStatus.of(dir.resolve("missing"))).isEmpty();
  }

  @Test
  void tellsWhetherAnyoneButTheOwnerMayWrite() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(FileStatus.of(file).orElseThrow().writableByOthers()).isFalse();
    assertThat(FileStatus.of(file).orElseThrow().permissions()).isEqualTo("0644");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
    assertThat(FileStatus.of(file).orElseThrow().writableByOthers()).isTrue();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--rw-"));
    assertThat(FileStatus.of(file).orElseThrow().writableByOthers()).isTrue();
  }

  @Test
  void aStickyDirectoryIsRecognised() {
    assertThat(new FileStatus(0, 0, 041777).sticky()).isTrue();
    assertThat(new FileStatus(0, 0, 040755).sticky()).isFalse();
    assertThat(new FileStatus(0, 0, 010600).isFifo()).isTrue();
  }
}

package dev.hermes.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnFilesTest {
  @TempDir Path dir;

  @Test
  void aFileExactlyAtItsCapIsReadWhole() throws IOException {
    byte[] content = new byte[4096];
    Arrays.fill(content, (byte) 'x');
    Path file = Files.write(dir.resolve("pid"), content);

    assertThat(OwnFiles.read(file, 4096)).isEqualTo(content);
  }

  @Test
  void aFileOneByteOverItsCapIsOneLineNamingSizeAndLimit() throws IOException {
    Path file = Files.write(dir.resolve("pid"), new byte[4097]);

    assertThatThrownBy(() -> OwnFiles.read(file, 4096))
        .isInstanceOf(FileRefusedException.class)
        .hasMessage(file + " is 4097 bytes; the limit is 4 KB (4096 bytes)");
  }

  @Test
  void aFiftyMegabyteFileIsRefusedWithoutBeingRead() throws IOException {
    Path file = sparse(dir.resolve("config.yaml"), 50 * OwnFiles.MB);

    FileRefusedException refused =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () ->
                assertThrows(
                    FileRefusedException.class, () -> OwnFiles.read(file, OwnFiles.CONFIG_LIMIT)));

    assertThat(refused).hasMessage(file + " is 50 MB; the limit is 256 KB");
    assertThat(refused.reason()).isEqualTo("is 50 MB; the limit is 256 KB");
  }

  @Test
  void readingStopsAtTheCapWhenTheFileSaysItIsSmaller() throws IOException {
    // procfs reports size 0 for files with content: the channel's size cannot be trusted alone.
    Path maps = Path.of("/proc/self/maps");
    assumeTrue(Files.isReadable(maps), "needs Linux procfs");

    assertThatThrownBy(() -> OwnFiles.read(maps, 16))
        .isInstanceOf(FileRefusedException.class)
        .hasMessageEndingWith("grew past its limit of 16 bytes while being read");
  }

  @Test
  void aSymbolicLinkIsRefusedEvenToAReadableFile() throws IOException {
    Path secret = Files.writeString(dir.resolve("root-only"), "secret\n");
    Path link = Files.createSymbolicLink(dir.resolve(".env"), secret);

    assertThatThrownBy(() -> OwnFiles.read(link, OwnFiles.ENV_LIMIT))
        .isInstanceOf(FileRefusedException.class)
        .hasMessage(link + " is a symbolic link; hermes does not follow links in HERMES_HOME");
  }

  @Test
  void aDanglingSymbolicLinkIsRefusedNotMissing() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve(".env"), dir.resolve("nowhere"));

    assertThatThrownBy(() -> OwnFiles.read(link, OwnFiles.ENV_LIMIT))
        .isInstanceOf(FileRefusedException.class)
        .hasMessageContaining("is a symbolic link");
  }

  @Test
  void aMissingFileIsNoSuchFile() {
    assertThatThrownBy(() -> OwnFiles.read(dir.resolve("absent"), 10))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aDirectoryIsNotARegularFile() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("config.yaml"));

    assertThatThrownBy(() -> OwnFiles.read(sub, 10))
        .isInstanceOf(FileRefusedException.class)
        .hasMessage(sub + " is not a regular file");
  }

  @Test
  void aLockFileIsCreatedWhenMissing() throws IOException {
    Path lock = dir.resolve("gateway.lock");

    try (FileChannel channel = OwnFiles.openLock(lock)) {
      assertThat(channel.tryLock()).isNotNull();
    }
    assertThat(lock).isRegularFile();
  }

  @Test
  void aDanglingLinkAtALockFileCreatesNothingAtItsTarget() throws IOException {
    Path target = dir.resolve("elsewhere").resolve("created-by-root");
    Files.createDirectories(target.getParent());
    Path lock = Files.createSymbolicLink(dir.resolve("gateway.lock"), target);

    assertThatThrownBy(() -> OwnFiles.openLock(lock))
        .isInstanceOf(FileRefusedException.class)
        .hasMessageContaining("is a symbolic link");
    assertThat(target).doesNotExist();
  }

  @Test
  void permissionsAreNeverChangedThroughALink() throws IOException {
    Path target = Files.writeString(dir.resolve("target"), "x");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    Path link = Files.createSymbolicLink(dir.resolve(".env"), target);

    assertThatThrownBy(() -> OwnFiles.setPermissions(link, AtomicFiles.OWNER_ONLY))
        .isInstanceOf(FileRefusedException.class);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void permissionsOfTheFileItselfAreSet() throws IOException {
    Path file = Files.writeString(dir.resolve(".env"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    OwnFiles.setPermissions(file, AtomicFiles.OWNER_ONLY);

    assertThat(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS))
        .isEqualTo(AtomicFiles.OWNER_ONLY);
  }

  @Test
  void sizesAreDescribedInWholeUnitsWhenExact() {
    assertThat(OwnFiles.describeSize(1)).isEqualTo("1 byte");
    assertThat(OwnFiles.describeSize(1023)).isEqualTo("1023 bytes");
    assertThat(OwnFiles.describeSize(64 * OwnFiles.KB)).isEqualTo("64 KB");
    assertThat(OwnFiles.describeSize(1536 * OwnFiles.KB)).isEqualTo("1.5 MB");
    assertThat(OwnFiles.describeSize(50 * OwnFiles.MB + 23)).isEqualTo("50 MB");
    assertThat(OwnFiles.describeSize(3 * 1024 * OwnFiles.MB)).isEqualTo("3 GB");
  }

  @Test
  void readTextIsUtf8() throws IOException {
    Path file = Files.writeString(dir.resolve("stamp"), "dócker\n", UTF_8);

    assertThat(OwnFiles.readText(file, OwnFiles.LINE_LIMIT)).isEqualTo("dócker\n");
  }

  /** A file of {@code size} bytes that takes no disk space. */
  static Path sparse(Path file, long size) throws IOException {
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.setLength(size);
    }
    return file;
  }
}

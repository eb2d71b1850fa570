package dev.hermes.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void replacesContentAndLeavesNoTemporaryFiles() throws IOException {
    Path target = dir.resolve("state.json");
    Files.writeString(target, "old");

    AtomicFiles.write(target, "new".getBytes(UTF_8), AtomicFiles.OWNER_WRITE_ALL_READ);

    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(listing()).containsExactly("state.json");
  }

  @Test
  void aWriteInterruptedBeforeTheRenameKeepsTheOldContent() throws IOException {
    Path target = dir.resolve("state.json");
    Files.writeString(target, "old");
    AtomicFiles crashing =
        new AtomicFiles(
            (from, to) -> {
              assertThat(Files.readString(from)).isEqualTo("new");
              throw new IOException("simulated crash before rename");
            });

    assertThatThrownBy(() -> crashing.replace(target, "new".getBytes(UTF_8), null))
        .hasMessageContaining("simulated crash");

    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(listing()).containsExactly("state.json");
  }

  @Test
  void doesNotWriteThroughASymlink() throws IOException {
    Path outside = dir.resolve("outside.txt");
    Files.writeString(outside, "precious");
    Path link = dir.resolve("state.json");
    Files.createSymbolicLink(link, outside);

    AtomicFiles.write(link, "new".getBytes(UTF_8), null);

    assertThat(Files.readString(outside)).isEqualTo("precious");
    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(Files.readString(link)).isEqualTo("new");
  }

  @Test
  void appliesTheRequestedPermissions() throws IOException {
    Path target = dir.resolve(".env");
    AtomicFiles.write(target, "K=v".getBytes(UTF_8), AtomicFiles.OWNER_ONLY);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
  }

  private java.util.List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

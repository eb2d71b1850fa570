package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
  @TempDir Path dir;

  @Test
  void aMissingFileHasNoLines() throws IOException {
    assertThat(LogTail.last(dir.resolve("current"), 50)).isEmpty();
  }

  @Test
  void fewerLinesThanAskedAreAllReturned() throws IOException {
    Path f = Files.writeString(dir.resolve("current"), "a\nb\n");
    assertThat(LogTail.last(f, 50)).containsExactly("a", "b");
  }

  @Test
  void aLastLineWithoutNewlineCountsAndCrlfIsStripped() throws IOException {
    Path f = Files.writeString(dir.resolve("current"), "a\r\nb\r\nc");
    assertThat(LogTail.last(f, 2)).containsExactly("b", "c");
  }

  @Test
  void longFilesAreReadFromTheEndAcrossChunks() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("2026-01-01T00:00:00 gateway line number ").append(i).append('\n');
    }
    Path f = Files.writeString(dir.resolve("current"), text);
    assertThat(LogTail.last(f, 50))
        .hasSize(50)
        .startsWith("2026-01-01T00:00:00 gateway line number 19950")
        .endsWith("2026-01-01T00:00:00 gateway line number 19999");
  }

  @Test
  void oneHugeLineIsCutToTheReadLimitNotLoadedWhole() throws IOException {
    Path f =
        Files.writeString(dir.resolve("current"), "x".repeat(LogTail.MAX_BYTES * 3) + "\nend\n");
    assertThat(LogTail.last(f, 50)).containsExactly("end");
  }

  @Test
  void aLinkedLogIsRefusedAndItsTargetNotShown() throws IOException {
    Path secret = Files.writeString(dir.resolve("root-only"), "secret line\n");
    Path current = Files.createSymbolicLink(dir.resolve("current"), secret);

    assertThatThrownBy(() -> LogTail.last(current, 50))
        .isInstanceOf(FileRefusedException.class)
        .hasMessageContaining("is a symbolic link");
  }
}

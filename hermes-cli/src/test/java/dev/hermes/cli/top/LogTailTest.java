package dev.hermes.cli.top;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.FileRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
  @TempDir Path dir;

  @Test
  void theLastCompleteLinesOfALongLogAreRead() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      text.append("line ").append(i).append('\n');
    }
    Path log = Files.writeString(dir.resolve("current"), text);

    assertThat(LogTail.read(log, 2)).containsExactly("line 9998", "line 9999");
  }

  @Test
  void aLinkedLogIsRefusedAndItsTargetNotShown() throws IOException {
    Path secret = Files.writeString(dir.resolve("root-only"), "secret line\n");
    Path current = Files.createSymbolicLink(dir.resolve("current"), secret);

    assertThatThrownBy(() -> LogTail.read(current, 50))
        .isInstanceOf(FileRefusedException.class)
        .hasMessageContaining("is a symbolic link");
  }
}

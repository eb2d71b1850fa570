package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStampsTest {
  @TempDir Path dir;

  @Test
  void aChangeOfSizeOrTimeOrAFileAppearingIsNoticedOnceAndNothingElseIs() throws IOException {
    Path status = Files.writeString(dir.resolve("status"), "down");
    Path later = dir.resolve("gateway_state.json");
    FileStamps stamps = new FileStamps(() -> List.of(status, later));
    assertThat(stamps.changed()).as("nothing taken yet").isTrue();
    stamps.relist();
    assertThat(stamps.changed()).isFalse();

    Files.writeString(status, "ready");
    assertThat(stamps.changed()).isTrue();
    assertThat(stamps.changed()).as("noticed once").isFalse();

    Files.setLastModifiedTime(status, FileTime.fromMillis(1_000_000));
    assertThat(stamps.changed()).isTrue();

    Files.writeString(later, "{}");
    assertThat(stamps.changed()).isTrue();
    stamps.forget();
    assertThat(stamps.changed()).isTrue();
  }
}

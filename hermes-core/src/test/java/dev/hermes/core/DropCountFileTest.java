package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropCountFileTest {
  @TempDir Path dir;

  @Test
  void withoutTheVariableThereIsNoFile() {
    assertThat(DropCountFile.open(Map.of(), w -> {})).isEmpty();
  }

  @Test
  void theCountIsOverwrittenInPlaceAndTheFileNeverGrows() throws IOException {
    Path file = dir.resolve(DropCountFile.NAME);
    Files.writeString(file, "a stale count from an earlier run, longer than the width\n");
    try (DropCountFile count = open(file)) {
      assertThat(file).hasSize(DropCountFile.WIDTH);
      assertThat(DropCountFile.read(file)).hasValue(0);

      count.flush(7);
      assertThat(DropCountFile.read(file)).hasValue(7);
      count.flush(Long.MAX_VALUE / 10);
      assertThat(file).hasSize(DropCountFile.WIDTH);
      count.flush(12);

      assertThat(DropCountFile.read(file)).hasValue(12);
      assertThat(file).hasSize(DropCountFile.WIDTH);
    }
  }

  @Test
  void updatesComeAtMostOnceASecondAndAFlushAtOnce() throws IOException {
    Path file = dir.resolve(DropCountFile.NAME);
    try (DropCountFile count = open(file)) {
      count.update(1);
      count.update(2);
      count.update(3);
      assertThat(DropCountFile.read(file))
          .as("the first update, then none for a second")
          .hasValue(1);

      count.flush(3);
      assertThat(DropCountFile.read(file)).hasValue(3);
    }
  }

  @Test
  void aFileThatCannotBeCreatedIsAWarningNotAFailure() {
    List<String> warnings = new ArrayList<>();
    Path file = dir.resolve("no-such-dir").resolve(DropCountFile.NAME);

    assertThat(DropCountFile.open(Map.of(DropCountFile.VARIABLE, file.toString()), warnings::add))
        .isEmpty();
    assertThat(warnings).singleElement().asString().contains("dropped log lines", file.toString());
  }

  @Test
  void anEventLogKeepsItsLostLinesInTheFileAndTheFinalCountWhenTheLogTakesLinesAgain()
      throws Exception {
    Path file = dir.resolve(DropCountFile.NAME);
    CountDownLatch release = new CountDownLatch(1);
    OutputStream blocked =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    try (DropCountFile count = open(file)) {
      EventLog log = EventLog.to(blocked, "test: ", "test-log", 2, 200);
      log.countDropsIn(count);
      for (int i = 0; i < 50; i++) {
        log.info("line " + i);
      }
      // The writer holds one batch in its blocked write and the queue two lines: the rest is lost.
      assertThat(DropCountFile.read(file).orElse(0)).isPositive();

      release.countDown();
      assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
      log.info("the log takes lines again");
      assertThat(log.flush(Duration.ofSeconds(10))).isTrue();

      assertThat(DropCountFile.read(file)).hasValue(log.linesDropped());
      log.close();
    }
  }

  private static DropCountFile open(Path file) {
    return DropCountFile.open(Map.of(DropCountFile.VARIABLE, file.toString()), w -> {})
        .orElseThrow();
  }
}

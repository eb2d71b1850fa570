package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadyStampTest {
  @TempDir Path slot;
  final List<String> warnings = new ArrayList<>();

  @Test
  void writesTheReadyTimeInEpochSecondsRoundedUp() throws Exception {
    Path file = slot.resolve("hermes-ready");
    ReadyStamp.write(
        Map.of(ReadyStamp.VARIABLE, file.toString()),
        Instant.ofEpochSecond(1_700_000_000, 1),
        warnings::add);
    assertThat(file).hasContent("1700000001");
    assertThat(slot.resolve("hermes-ready.tmp")).doesNotExist();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aWholeSecondStaysAsItIs() {
    Path file = slot.resolve("hermes-ready");
    ReadyStamp.write(
        Map.of(ReadyStamp.VARIABLE, file.toString()),
        Instant.ofEpochSecond(1_700_000_000),
        warnings::add);
    assertThat(file).hasContent("1700000000");
  }

  @Test
  void replacesTheStampOfAnEarlierRun() throws Exception {
    Path file = slot.resolve("hermes-ready");
    Files.writeString(file, "5\n");
    ReadyStamp.write(
        Map.of(ReadyStamp.VARIABLE, file.toString()), Instant.ofEpochSecond(7), warnings::add);
    assertThat(file).hasContent("7");
  }

  @Test
  void withoutTheVariableNothingIsWritten() throws Exception {
    ReadyStamp.write(Map.of(), Instant.now(), warnings::add);
    try (var entries = Files.list(slot)) {
      assertThat(entries).isEmpty();
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void anUnwritablePlaceIsAWarningNotAFailure() {
    ReadyStamp.write(
        Map.of(ReadyStamp.VARIABLE, slot.resolve("missing/hermes-ready").toString()),
        Instant.now(),
        warnings::add);
    assertThat(warnings).singleElement().asString().startsWith("could not record the ready time");
  }
}

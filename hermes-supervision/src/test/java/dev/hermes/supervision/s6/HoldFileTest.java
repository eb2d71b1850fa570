package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoldFileTest {
  @TempDir Path slot;

  @Test
  void theCodeComesFirstThenTheOperatorsLine() throws IOException {
    Files.writeString(
        slot.resolve(HoldFile.NAME), "fatal-config\nfatal configuration: port 9119 in use\n");

    assertThat(HoldFile.read(slot))
        .isEqualTo(new Hold(HoldReason.FATAL_CONFIG, "fatal configuration: port 9119 in use"));
  }

  @Test
  void aOneLineFileFromBeforeTheCodeIsReadFromItsWords() throws IOException {
    Files.writeString(slot.resolve(HoldFile.NAME), "crash loop (5 exits in 9s, last: exit 1)\n");
    assertThat(HoldFile.read(slot).reason()).isEqualTo(HoldReason.CRASH_LOOP);

    Files.writeString(slot.resolve(HoldFile.NAME), "fatal configuration\n");
    assertThat(HoldFile.read(slot))
        .isEqualTo(new Hold(HoldReason.FATAL_CONFIG, "fatal configuration"));
  }

  @Test
  void noFileOrAnEmptyOneIsNoHold() throws IOException {
    assertThat(HoldFile.read(slot)).isNull();
    Files.writeString(slot.resolve(HoldFile.NAME), "\n");
    assertThat(HoldFile.read(slot)).isNull();
  }

  @Test
  void renderingKeepsTheMessageOnOneLineAndReadsBack() throws IOException {
    Hold hold = new Hold(HoldReason.CRASH_LOOP, "crash loop\nwith a newline");
    Files.writeString(slot.resolve(HoldFile.NAME), HoldFile.render(hold));

    assertThat(HoldFile.read(slot))
        .isEqualTo(new Hold(HoldReason.CRASH_LOOP, "crash loop with a newline"));
  }

  @Test
  void theBackoffFileGivesTheSecondsLeftNeverLessThanZero() throws IOException {
    assertThat(BackoffFile.secondsLeft(slot, () -> 100)).isEqualTo(-1);
    Files.writeString(slot.resolve(BackoffFile.NAME), "104\n");
    assertThat(BackoffFile.secondsLeft(slot, () -> 100)).isEqualTo(4);
    assertThat(BackoffFile.secondsLeft(slot, () -> 200)).isZero();
    Files.writeString(slot.resolve(BackoffFile.NAME), "soon\n");
    assertThat(BackoffFile.secondsLeft(slot, () -> 100)).isEqualTo(-1);
  }
}

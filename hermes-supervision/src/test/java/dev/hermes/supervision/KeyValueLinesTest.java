package dev.hermes.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class KeyValueLinesTest {
  @Test
  void eachLineIsSplitAtItsFirstSeparatorAndTrimmed() {
    assertThat(KeyValueLines.parse("ActiveState=active\nExecStart= a=b \n", '='))
        .containsOnly(entry("ActiveState", "active"), entry("ExecStart", "a=b"));
  }

  @Test
  void windowsLineEndsAndTheColonsOfATimeStayOutOfTheKey() {
    assertThat(KeyValueLines.parse("Status:   Running\r\nLast Run Time: 10:00:00 AM\r\n", ':'))
        .containsEntry("Status", "Running")
        .containsEntry("Last Run Time", "10:00:00 AM");
  }

  @Test
  void linesWithoutAKeyAreSkipped() {
    assertThat(KeyValueLines.parse("\nFolder \\\n=orphan\n===\nK=\n", '=')).containsOnlyKeys("K");
  }

  @Test
  void theFirstValueOfARepeatedKeyWins() {
    assertThat(KeyValueLines.parse("Status: Running\n\nStatus: Ready\n", ':'))
        .containsEntry("Status", "Running");
  }
}

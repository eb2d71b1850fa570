package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.ProfileConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashLoopSettingsTest {
  @TempDir Path dir;

  @Test
  void readsEveryNumberFromConfig() throws Exception {
    assertThat(
            from(
                "max_exits: 3\n    healthy_seconds: 2\n    backoff_base: 4\n    backoff_cap: 8\n"
                    + "    fleet_restarts_per_second: 7\n"))
        .isEqualTo(new CrashLoopSettings(3, 4, 8, 2, 7));
  }

  @Test
  void missingNumbersTakeTheDefaults() throws Exception {
    assertThat(from("max_exits: 7\n")).isEqualTo(new CrashLoopSettings(7, 1, 60, 60, 2));
    assertThat(CrashLoopSettings.DEFAULT).isEqualTo(new CrashLoopSettings(5, 1, 60, 60, 2));
  }

  @Test
  void theRetiredWindowStillLoadsWhateverItsValue() throws Exception {
    assertThat(from("window_seconds: 300\n    max_exits: 4\n"))
        .isEqualTo(new CrashLoopSettings(4, 1, 60, 60, 2));
    assertThat(from("window_seconds: 0\n")).isEqualTo(CrashLoopSettings.DEFAULT);
    assertThat(from("window_seconds: five minutes\n")).isEqualTo(CrashLoopSettings.DEFAULT);
  }

  @Test
  void impossibleNumbersAreRefusedWithOneLine() {
    assertThatThrownBy(() -> new CrashLoopSettings(0, 1, 60, 60, 2))
        .hasMessage(
            "invalid supervision.crash_loop settings: max_exits must be >= 1,"
                + " 0 <= backoff_base <= backoff_cap, healthy_seconds >= 0,"
                + " fleet_restarts_per_second >= 0");
    assertThatThrownBy(() -> new CrashLoopSettings(5, 10, 5, 60, 2))
        .hasMessageContaining("backoff");
  }

  @Test
  void theFinishMayRunTheLongestBackoffPlusItsBoundedExtras() {
    assertThat(new CrashLoopSettings(5, 1, 60, 60, 0).finishTimeoutMillis()).isEqualTo(90_000);
  }

  @Test
  void withAFleetBudgetTheFinishMayAlsoWaitItsLongestTurn() {
    assertThat(new CrashLoopSettings(5, 1, 60, 60, 2).finishTimeoutMillis())
        .isEqualTo((60 + CrashLoopSettings.FLEET_WAIT_MAX_SECONDS + 30) * 1000);
    assertThatThrownBy(() -> new CrashLoopSettings(5, 1, 60, 60, -1))
        .hasMessageContaining("fleet_restarts_per_second >= 0");
  }

  private CrashLoopSettings from(String crashLoop) throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, "supervision:\n  crash_loop:\n    " + crashLoop);
    return CrashLoopSettings.from(ProfileConfig.load(file));
  }
}

package dev.hermes.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HomeChecksTest {
  private static final long MB = 1024 * 1024;
  private static final long GB = 1024 * MB;
  private static final Path LOGS = Path.of("/h/logs");

  @Test
  void plentyOfRoomIsOkAndSaysTheNumbers() {
    Check check = HomeChecks.space(LOGS, 12 * GB, 48 * GB);

    assertThat(check.status()).isEqualTo(CheckStatus.OK);
    assertThat(check.name()).isEqualTo("logs-space");
    assertThat(check.section()).isEqualTo(Check.HOME);
    assertThat(check.message()).isEqualTo("Log space: 12 GB free of 48 GB (25%) for /h/logs");
  }

  @Test
  void lessThanSixtyFourMegabytesWarnsWhateverTheShare() {
    Check check = HomeChecks.space(LOGS, 40 * MB, 40 * MB);

    assertThat(check.status()).isEqualTo(CheckStatus.WARN);
    assertThat(check.message())
        .isEqualTo("Log space: 40 MB free of 40 MB (100%) for /h/logs: below 64 MB");
    assertThat(HomeChecks.space(LOGS, HomeChecks.WARN_FREE_BYTES, 100 * MB).status())
        .isEqualTo(CheckStatus.OK);
    assertThat(HomeChecks.space(LOGS, HomeChecks.WARN_FREE_BYTES - 1, 100 * MB).status())
        .isEqualTo(CheckStatus.WARN);
  }

  @Test
  void lessThanFivePercentWarnsEvenWithGigabytesLeft() {
    Check check = HomeChecks.space(LOGS, 4 * GB, 100 * GB);

    assertThat(check.status()).isEqualTo(CheckStatus.WARN);
    assertThat(check.message())
        .isEqualTo("Log space: 4 GB free of 100 GB (4%) for /h/logs: below 5%");
    assertThat(HomeChecks.space(LOGS, 5 * GB, 100 * GB).status()).isEqualTo(CheckStatus.OK);
  }

  @Test
  void lessThanEightMegabytesFails() {
    Check check = HomeChecks.space(LOGS, 3 * MB / 2, 2 * GB);

    assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(check.message())
        .isEqualTo(
            "Log space: 1.5 MB free of 2 GB (0%) for /h/logs: below 8 MB (s6-log blocks when the"
                + " disk is full and gateway log lines are dropped)");
    assertThat(HomeChecks.space(LOGS, 0, 0).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(HomeChecks.space(LOGS, HomeChecks.FAIL_FREE_BYTES, GB).status())
        .isEqualTo(CheckStatus.WARN);
  }
}

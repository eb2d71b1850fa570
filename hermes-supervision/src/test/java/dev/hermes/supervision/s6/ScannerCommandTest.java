package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerCommandTest {
  private final S6Tools tools = new S6Tools(Path.of("/command"));
  @TempDir Path bin;

  @Test
  void s6FromTwoTwelveOnGetsCapitalC() {
    assertThat(ScannerCommand.forScandir(tools, true, 4000, "/run/service"))
        .containsExactly("/command/s6-svscan", "-C", "4000", "/run/service");
  }

  @Test
  void s6TwoElevenGetsLowerCaseC() {
    assertThat(ScannerCommand.forScandir(tools, false, 4000, "/run/service"))
        .containsExactly("/command/s6-svscan", "-c", "4000", "/run/service");
  }

  @Test
  void aScannerThatCallsCapitalCAUsageErrorIsTheOldDialect() throws IOException {
    scanner("case $1 in -C) exit 100 ;; esac; exit 111");

    assertThat(ScannerCommand.takesCapitalC(new S6Tools(bin))).isFalse();
  }

  @Test
  void aScannerThatOnlyFailsToEnterTheDirectoryTakesCapitalC() throws IOException {
    scanner("case $1 in -c) exit 100 ;; esac; exit 111");

    assertThat(ScannerCommand.takesCapitalC(new S6Tools(bin))).isTrue();
  }

  private void scanner(String body) throws IOException {
    Path script = bin.resolve("s6-svscan");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}

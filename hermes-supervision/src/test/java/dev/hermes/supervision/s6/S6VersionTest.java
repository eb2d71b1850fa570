package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S6VersionTest {
  @TempDir Path dir;

  @Test
  void parsesUpstreamVersionsAndDebiansWithRevisionAndEpoch() {
    assertThat(S6Version.parse("2.11.3.2-1").orElseThrow()).hasToString("2.11.3.2");
    assertThat(S6Version.parse("1:2.13.1.0-2~bpo12+1").orElseThrow()).hasToString("2.13.1.0");
    assertThat(S6Version.parse(" 2.15.0.0\n").orElseThrow()).hasToString("2.15.0.0");
    assertThat(S6Version.parse("unknown")).isEmpty();
    assertThat(S6Version.parse("2")).isEmpty();
  }

  @Test
  void twoElevenThroughEveryTwoFifteenAreSupported() {
    assertThat(support("2.10.9.9")).isEqualTo(S6Version.Support.TOO_OLD);
    assertThat(support("1.1.3.2")).isEqualTo(S6Version.Support.TOO_OLD);
    assertThat(support("2.11")).isEqualTo(S6Version.Support.SUPPORTED);
    assertThat(support("2.11.3.2")).isEqualTo(S6Version.Support.SUPPORTED);
    assertThat(support("2.15.0.0")).isEqualTo(S6Version.Support.SUPPORTED);
    assertThat(support("2.15.9.9")).isEqualTo(S6Version.Support.SUPPORTED);
    assertThat(support("2.16.0.0")).isEqualTo(S6Version.Support.UNTESTED);
    assertThat(support("3.0.0.0")).isEqualTo(S6Version.Support.UNTESTED);
  }

  @Test
  void aSlashpackageInstallIsReadFromTheDirectoryItsCommandLinksInto() throws IOException {
    Path real = Files.createDirectories(dir.resolve("package/admin/s6-2.15.0.0/command"));
    Files.writeString(real.resolve("s6-svscan"), "");
    Files.createSymbolicLink(dir.resolve("package/admin/s6"), Path.of("s6-2.15.0.0"));
    Path command = Files.createDirectories(dir.resolve("command"));
    Files.createSymbolicLink(
        command.resolve("s6-svscan"), dir.resolve("package/admin/s6/command/s6-svscan"));

    S6Version.Found found = S6Version.detect(new S6Tools(command), dir).orElseThrow();

    assertThat(found.version()).hasToString("2.15.0.0");
    assertThat(found.source()).isEqualTo("from " + real.resolve("s6-svscan").toRealPath());
  }

  @Test
  void aPrefixInstallIsReadFromItsConfigHeader() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("host/bin"));
    Files.writeString(bin.resolve("s6-svscan"), "");
    Path include = Files.createDirectories(dir.resolve("host/include/s6"));
    Files.writeString(
        include.resolve("config.h"),
        "/* ISC license. */\n\n#ifndef S6_CONFIG_H\n#define S6_CONFIG_H\n\n"
            + "#define S6_VERSION \"2.15.0.0\"\n#define S6_DEFAULT_PATH \"/usr/bin:/bin\"\n");

    assertThat(S6Version.detect(new S6Tools(bin), dir).orElseThrow().version())
        .hasToString("2.15.0.0");
  }

  @Test
  void aDebianPackageIsReadFromDpkgWhenItsFileListHoldsTheProgram() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("usr/bin"));
    Files.writeString(bin.resolve("s6-svscan"), "");
    Path info = Files.createDirectories(dir.resolve("var/lib/dpkg/info"));
    Files.writeString(info.resolve("s6.list"), "/.\n/usr\n" + bin.resolve("s6-svscan") + "\n");
    Files.writeString(info.resolve("s6-rc.list"), bin.resolve("s6-svscan") + "\n");
    Files.writeString(
        dir.resolve("var/lib/dpkg/status"),
        "Package: s6-rc\nStatus: install ok installed\nVersion: 0.5.4.1-1\n\n"
            + "Package: s6\nStatus: install ok installed\nPriority: optional\n"
            + "Version: 2.11.3.2-1\nDescription: small and secure supervision software suite\n");

    S6Version.Found found = S6Version.detect(new S6Tools(bin), dir).orElseThrow();

    assertThat(found.version()).hasToString("2.11.3.2");
    assertThat(found.source()).isEqualTo("from " + dir.resolve("var/lib/dpkg/status"));
  }

  @Test
  void aProgramNoInstallAccountsForHasNoVersion() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("opt/bin"));
    Files.writeString(bin.resolve("s6-svscan"), "");
    Path info = Files.createDirectories(dir.resolve("var/lib/dpkg/info"));
    Files.writeString(info.resolve("s6.list"), "/usr/bin/s6-svscan\n");
    Files.writeString(dir.resolve("var/lib/dpkg/status"), "Package: s6\nVersion: 2.11.3.2-1\n");

    assertThat(S6Version.detect(new S6Tools(bin), dir)).isEqualTo(Optional.empty());
    assertThat(S6Version.detect(new S6Tools(dir.resolve("missing")), dir)).isEmpty();
  }

  private static S6Version.Support support(String version) {
    return S6Version.parse(version).orElseThrow().support();
  }
}

package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallMethodTest {
  @TempDir Path tmp;
  Path install;
  Path home;

  @BeforeEach
  void dirs() throws IOException {
    install = Files.createDirectories(tmp.resolve("install"));
    home = Files.createDirectories(tmp.resolve("home"));
  }

  @Test
  void theCodeStampWins() throws IOException {
    Files.writeString(install.resolve(".install_method"), "docker\n");
    Files.writeString(home.resolve(".install_method"), "pip\n");
    assertThat(InstallMethod.detect(install, home, false)).isEqualTo("docker");
  }

  @Test
  void aLinkedHomeStampIsNotFollowed() throws IOException {
    Path elsewhere = Files.writeString(tmp.resolve("elsewhere"), "pip\n");
    Files.createSymbolicLink(home.resolve(".install_method"), elsewhere);
    assertThat(InstallMethod.detect(install, home, false)).isEqualTo("unknown");
  }

  @Test
  void aLegacyHomeStampIsTheFallback() throws IOException {
    Files.writeString(home.resolve(".install_method"), "pip\n");
    assertThat(InstallMethod.detect(install, home, false)).isEqualTo("pip");
  }

  @Test
  void aStaleDockerHomeStampIsIgnoredOutsideAContainer() throws IOException {
    Files.writeString(home.resolve(".install_method"), "docker\n");
    assertThat(InstallMethod.detect(install, home, false)).isEqualTo("unknown");
    assertThat(InstallMethod.detect(install, home, true)).isEqualTo("docker");
  }

  @Test
  void aSourceCheckoutSaysSo() throws IOException {
    Files.writeString(install.resolve("pom.xml"), "<project/>");
    assertThat(InstallMethod.detect(install, home, false)).isEqualTo("source");
  }

  @Test
  void containerProbeReadsMarkersUnderItsRoot() throws IOException {
    assertThat(new ContainerProbe(tmp).inContainer()).isFalse();
    Files.createFile(tmp.resolve(".dockerenv"));
    assertThat(new ContainerProbe(tmp).inContainer()).isTrue();
  }
}

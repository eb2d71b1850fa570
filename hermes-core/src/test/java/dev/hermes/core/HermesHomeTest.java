package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HermesHomeTest {
  @Test
  void usesHermesHomeWhenSet() {
    HermesHome home = HermesHome.fromEnvironment(Map.of("HERMES_HOME", "/opt/data"), "/root");
    assertThat(home.root()).isEqualTo(Path.of("/opt/data"));
  }

  @Test
  void fallsBackToDotHermesInTheUserHome() {
    assertThat(HermesHome.fromEnvironment(Map.of(), "/home/op").root())
        .isEqualTo(Path.of("/home/op/.hermes"));
    assertThat(HermesHome.fromEnvironment(Map.of("HERMES_HOME", "  "), "/home/op").root())
        .isEqualTo(Path.of("/home/op/.hermes"));
  }

  @Test
  void defaultLivesInTheRootAndOthersUnderProfiles() {
    HermesHome home = new HermesHome(Path.of("/data"));
    assertThat(home.profile("default").dir()).isEqualTo(Path.of("/data"));
    assertThat(home.profile("coder").dir()).isEqualTo(Path.of("/data/profiles/coder"));
    assertThat(home.profile("coder").logDir()).isEqualTo(Path.of("/data/logs/gateways/coder"));
  }
}

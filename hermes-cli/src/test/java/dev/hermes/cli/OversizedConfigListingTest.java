package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB config.yaml of one long line (which SnakeYAML took minutes to scan) makes every listing
 * show the profile as bad-config at once, and the others as usual.
 */
class OversizedConfigListingTest {
  private static final Duration FINISHES = Duration.ofSeconds(10);

  @TempDir Path home;
  Path config;

  @BeforeEach
  void aProfileWithAFiftyMegabyteConfig() throws IOException {
    assertThat(CliRun.run(home, "profile", "create", "big", "--port", "9001").code()).isZero();
    assertThat(CliRun.run(home, "profile", "create", "ok", "--port", "9002").code()).isZero();
    config = home.resolve("profiles/big/config.yaml");
    try (var out = Files.newOutputStream(config)) {
      out.write("gateway:\n  port: 9001\nblob: ".getBytes());
      byte[] chunk = "x".repeat(1024 * 1024).getBytes();
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
    }
  }

  @Test
  void profileListShowsBadConfig() {
    CliRun r = assertTimeoutPreemptively(FINISHES, () -> CliRun.run(home, "profile", "list"));

    assertThat(r.code()).isZero();
    assertThat(r.out().lines())
        .anySatisfy(line -> assertThat(line).matches("big +bad-config +- +not-supervised"))
        .anySatisfy(line -> assertThat(line).startsWith("ok ").contains("9002"));
  }

  @Test
  void profileListJsonGivesTheOneLineReason() {
    CliRun r =
        assertTimeoutPreemptively(FINISHES, () -> CliRun.run(home, "profile", "list", "--json"));

    assertThat(r.out()).contains(config + " is 50 MB; the limit is 256 KB");
  }

  @Test
  void gatewayStatusAllShowsBadConfig() {
    CliRun r =
        assertTimeoutPreemptively(FINISHES, () -> CliRun.run(home, "gateway", "status", "--all"));

    assertThat(r.code()).isZero();
    assertThat(r.out().lines())
        .anySatisfy(line -> assertThat(line).startsWith("big ").contains(" bad-config "))
        .anySatisfy(line -> assertThat(line).startsWith("ok ").contains(" 9002 "));
  }

  @Test
  void gatewayStatusJsonCarriesTheConfigError() {
    CliRun r =
        assertTimeoutPreemptively(
            FINISHES, () -> CliRun.run(home, "-p", "big", "gateway", "status", "--json"));

    assertThat(r.out())
        .contains("\"config_error\" : \"" + config + " is 50 MB; the limit is 256 KB\"");
  }

  @Test
  void statusNamesTheBadConfigProfile() {
    CliRun r = assertTimeoutPreemptively(FINISHES, () -> CliRun.run(home, "status"));

    assertThat(r.out()).contains("Profiles:       3 (bad-config: big)\n");
  }
}

package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigMigrationTest {
  @TempDir Path tmp;

  private Profile profile(String config) throws Exception {
    HermesHome home = new HermesHome(tmp);
    Profile profile = home.profile(ProfileNames.DEFAULT);
    if (config != null) {
      Files.writeString(profile.configFile(), config);
    }
    return profile;
  }

  @Test
  void anUnversionedConfigIsBackedUpThenStampedWithTheCurrentVersion() throws Exception {
    String legacy = "gateway:\n  port: 8650\nfuture_key: kept\n";
    Profile p = profile(legacy);

    ConfigMigration.Outcome outcome = ConfigMigration.migrate(p, false).orElseThrow();

    assertThat(outcome.from()).isZero();
    assertThat(outcome.to()).isEqualTo(ConfigMigration.CURRENT);
    assertThat(Files.readString(outcome.backup())).isEqualTo(legacy);
    assertThat(outcome.backup().getFileName().toString()).isEqualTo("config.yaml.bak-v0");
    ProfileConfig migrated = p.config();
    assertThat(migrated.integer(ConfigMigration.VERSION_KEY)).hasValue(ConfigMigration.CURRENT);
    assertThat(migrated.gatewayPort()).hasValue(8650);
    assertThat(migrated.text("future_key")).hasValue("kept");
  }

  @Test
  void aCurrentConfigIsLeftUntouched() throws Exception {
    String current = "config_version: " + ConfigMigration.CURRENT + "\ngateway:\n  port: 1\n";
    Profile p = profile(current);

    ConfigMigration.Outcome outcome = ConfigMigration.migrate(p, false).orElseThrow();

    assertThat(outcome.from()).isEqualTo(outcome.to());
    assertThat(Files.readString(p.configFile())).isEqualTo(current);
    assertThat(tmp.resolve("config.yaml.bak-v" + ConfigMigration.CURRENT)).doesNotExist();
  }

  @Test
  void aDryRunWritesNothing() throws Exception {
    Profile p = profile("gateway:\n  port: 8650\n");

    ConfigMigration.Outcome outcome = ConfigMigration.migrate(p, true).orElseThrow();

    assertThat(outcome.to()).isEqualTo(ConfigMigration.CURRENT);
    assertThat(outcome.backup()).doesNotExist();
    assertThat(Files.readString(p.configFile())).isEqualTo("gateway:\n  port: 8650\n");
  }

  @Test
  void newerUnreadableAndSymlinkedConfigsAreSkippedWithAReason() throws Exception {
    Profile newer = profile("config_version: 99\n");
    assertThat(ConfigMigration.migrate(newer, false).orElseThrow().skipped())
        .contains("newer than this hermes");

    Files.writeString(newer.configFile(), "gateway: [unclosed\n");
    assertThat(ConfigMigration.migrate(newer, false).orElseThrow().skipped())
        .contains("invalid YAML");

    Path elsewhere = Files.writeString(tmp.resolve("elsewhere.yaml"), "gateway:\n  port: 2\n");
    Files.delete(newer.configFile());
    Files.createSymbolicLink(newer.configFile(), elsewhere);
    assertThat(ConfigMigration.migrate(newer, false).orElseThrow().skipped()).contains("symlink");
    assertThat(Files.readString(elsewhere)).isEqualTo("gateway:\n  port: 2\n");
  }

  @Test
  void anOversizedConfigIsSkippedWithItsSizeAndNotBackedUp() throws Exception {
    Profile big = profile("gateway:\n  port: 2\n");
    OwnFilesTest.sparse(big.configFile(), 50 * OwnFiles.MB);

    assertThat(ConfigMigration.migrate(big, false).orElseThrow().skipped())
        .endsWith("is 50 MB; the limit is 256 KB");
    assertThat(big.configFile().resolveSibling("config.yaml.bak-v0")).doesNotExist();
  }

  @Test
  void aProfileWithoutConfigHasNothingToMigrate() throws Exception {
    assertThat(ConfigMigration.migrate(profile(null), false)).isEmpty();
  }
}

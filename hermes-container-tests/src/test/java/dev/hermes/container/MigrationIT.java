package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The boot's config schema migration: every profile's config.yaml, with a backup, or skipped. */
class MigrationIT extends ContainerTest {
  private static final String OLD_DEFAULT = "gateway:\n  host: 0.0.0.0\n  port: 8650\n";
  private static final String OLD_P1 = "gateway:\n  port: 8700\n";

  @Test
  void oldConfigFilesAreMigratedWithABackupAndTheBootSaysSoOnStderr() throws IOException {
    Container container = container(RunOptions.defaults(), "--version");
    Path data = container.data();
    Path p1 = oldProfiles(data);

    Outcome run = runToExit(container);

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.out()).as("stdout: the version alone").matches("hermes \\S+\\n");
    assertThat(run.err())
        .contains("config: profile=default version=0->1 backup=/opt/data/config.yaml.bak-v0")
        .contains(
            "config: profile=p1 version=0->1 backup=/opt/data/profiles/p1/config.yaml.bak-v0");
    for (Path dir : new Path[] {data, p1}) {
      String original = dir.equals(data) ? OLD_DEFAULT : OLD_P1;
      assertThat(Files.readString(dir.resolve("config.yaml")))
          .contains("config_version: 1")
          .contains(dir.equals(data) ? "port: 8650" : "port: 8700");
      Path backup = dir.resolve("config.yaml.bak-v0");
      assertThat(backup).hasContent(original.strip());
      assertThat(owner(backup)).as("the backup's owner").isEqualTo(Integer.parseInt(HERMES_UID));
      assertThat(mode(backup)).isEqualTo("rw-------");
    }

    // A second boot finds them current and says nothing.
    Outcome again = runToExit(container);
    assertThat(again.code()).as(again.output()).isZero();
    assertThat(again.err()).doesNotContain("config: profile=");
  }

  @Test
  void theMigrationIsSkippedWhenAsked() throws IOException {
    Container container =
        container(RunOptions.defaults().withEnv("HERMES_SKIP_CONFIG_MIGRATION", "1"), "true");
    Path data = container.data();
    Path p1 = oldProfiles(data);

    Outcome run = runToExit(container);

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.err()).contains("reconcile-profiles: info: config migration skipped");
    assertThat(data.resolve("config.yaml")).hasContent(OLD_DEFAULT.strip());
    assertThat(p1.resolve("config.yaml")).hasContent(OLD_P1.strip());
    assertThat(data.resolve("config.yaml.bak-v0")).doesNotExist();
    assertThat(p1.resolve("config.yaml.bak-v0")).doesNotExist();
  }

  /** A default profile and a profile p1 whose config.yaml files predate config_version. */
  private static Path oldProfiles(Path data) throws IOException {
    Files.writeString(data.resolve("config.yaml"), OLD_DEFAULT);
    Path p1 = data.resolve("profiles/p1");
    Files.createDirectories(p1);
    Files.writeString(p1.resolve("SOUL.md"), "# SOUL\n");
    Files.writeString(p1.resolve("config.yaml"), OLD_P1);
    return p1;
  }
}

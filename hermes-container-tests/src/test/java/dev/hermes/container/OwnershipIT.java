package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Who hermes runs as, and what on the volume it owns. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class OwnershipIT extends ContainerTest {
  private static final String[] WHO_AND_WRITE = {
    "sh", "-c", "id -u; id -g; touch /opt/data/written-by-main && echo wrote"
  };

  OwnershipIT(Engine engine) {
    super(engine);
  }

  @Test
  void puidAndPgidRemapHermesAndTheVolumeIsWritable() {
    Container container =
        container(
            RunOptions.defaults().withEnv("PUID", "1000").withEnv("PGID", "1000"), WHO_AND_WRITE);
    Boot boot = container.boot();

    assertThat(boot.awaitExit(BOOT)).as(boot.output()).isZero();
    assertThat(boot.output()).containsPattern("(?m)^1000\\n1000\\nwrote$");
    assertThat(owner(container.data())).isEqualTo(1000);
    assertThat(group(container.data())).isEqualTo(1000);
    assertThat(owner(container.data().resolve("written-by-main"))).isEqualTo(1000);
    assertThat(owner(container.data().resolve("config.yaml"))).isEqualTo(1000);
  }

  @Test
  void hermesUidAndGidWinOverPuidAndPgid() {
    Outcome run =
        runToExit(
            RunOptions.defaults()
                .withEnv("HERMES_UID", "2000")
                .withEnv("HERMES_GID", "2001")
                .withEnv("PUID", "1000")
                .withEnv("PGID", "1000"),
            WHO_AND_WRITE);

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("(?m)^2000\\n2001\\nwrote$");
  }

  @Test
  void theNasIds99And100AreAccepted() {
    Outcome run =
        runToExit(
            RunOptions.defaults().withEnv("PUID", "99").withEnv("PGID", "100"), WHO_AND_WRITE);

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("(?m)^99\\n100\\nwrote$");
  }

  @Test
  void rootAndNonNumericIdsAreRefusedWithOneClearLine() {
    Outcome zero = runToExit(RunOptions.defaults().withEnv("PUID", "0"), "true");
    assertThat(zero.code()).as(zero.output()).isNotZero();
    assertThat(zero.output())
        .contains("stage2: error: PUID=0 is refused: hermes must not run as root");

    Outcome word = runToExit(RunOptions.defaults().withEnv("HERMES_UID", "abc"), "true");
    assertThat(word.code()).as(word.output()).isNotZero();
    assertThat(word.output())
        .contains(
            "stage2: error: HERMES_UID must be a whole number between 1 and 65534, got 'abc'");
  }

  @Test
  void anArbitraryUserIsRefusedWithGuidanceWhileTheHermesUidBoots() {
    Outcome arbitrary = runToExit(RunOptions.defaults().withUser("4242:4242"), "true");
    assertThat(arbitrary.code()).as(arbitrary.output()).isNotZero();
    assertThat(arbitrary.output())
        .contains("started as UID 4242")
        .contains("HERMES_UID/HERMES_GID")
        .contains("PUID/PGID");

    Outcome hermes =
        runToExit(RunOptions.defaults().withUser(HERMES_UID + ":" + HERMES_UID), "id", "-u");
    assertThat(hermes.code()).as(hermes.output()).isZero();
    assertThat(hermes.output())
        .contains("[stage2] Setup complete")
        .containsPattern("(?m)^" + HERMES_UID + "$");
  }

  @Test
  void onlyHermesFilesAreRepairedAndSymlinksAreNotFollowed() throws IOException {
    Container container = container(RunOptions.defaults(), "true");
    Path data = container.data();
    // Left root-owned by an earlier `docker exec` as root, or copied in by the host.
    Path config = Files.writeString(data.resolve("config.yaml"), "gateway:\n  port: 8700\n");
    Path state = Files.writeString(data.resolve("gateway_state.json"), "{}\n");
    Path profileSoul = data.resolve("profiles/p1/SOUL.md");
    Files.createDirectories(profileSoul.getParent());
    Files.writeString(profileSoul, "# SOUL\n");
    Path hostFile = Files.writeString(data.resolve("host-notes.txt"), "mine\n");
    Files.setAttribute(hostFile, "unix:uid", 4242);
    Path secret = Files.writeString(data.resolve("host-secret.txt"), "root's\n");
    Files.createSymbolicLink(data.resolve("dashboard.token"), Path.of("/opt/data/host-secret.txt"));
    Path env = Files.writeString(data.resolve(".env"), "MODEL_API_KEY=x\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));

    Boot boot = container.boot();
    assertThat(boot.awaitExit(BOOT)).as(boot.output()).isZero();

    int hermes = Integer.parseInt(HERMES_UID);
    assertThat(owner(data)).isEqualTo(hermes);
    assertThat(owner(config)).as("config.yaml").isEqualTo(hermes);
    assertThat(owner(state)).as("gateway_state.json").isEqualTo(hermes);
    assertThat(owner(profileSoul)).as("a file under profiles/").isEqualTo(hermes);
    assertThat(owner(hostFile)).as("a host file outside the allowlist").isEqualTo(4242);
    assertThat(owner(secret)).as("the target of a symlinked allowlisted file").isZero();
    assertThat(Files.isSymbolicLink(data.resolve("dashboard.token"))).isTrue();
    assertThat(mode(env)).as(".env").isEqualTo("rw-------");
    assertThat(Files.readString(env)).isEqualTo("MODEL_API_KEY=x\n");
    assertThat(Files.exists(data.resolve("logs/gateways"), LinkOption.NOFOLLOW_LINKS)).isTrue();
  }
}

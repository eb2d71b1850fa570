package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Who hermes runs as, and what on the volume it owns. */
class OwnershipIT extends ContainerTest {
  private static final String[] WHO_AND_WRITE = {
    "sh", "-c", "id -u; id -g; touch /opt/data/written-by-main && echo wrote"
  };

  @Test
  void puidAndPgidRemapHermesAndTheVolumeIsWritable() {
    Container container =
        container(
            RunOptions.defaults().withEnv("PUID", "1000").withEnv("PGID", "1000"), WHO_AND_WRITE);
    Outcome run = runToExit(container);

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.out()).as(run.output()).isEqualTo("1000\n1000\nwrote\n");
    assertThat(run.err()).contains("stage2: info: remapped hermes from 10000:10000 to 1000:1000");
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
    assertThat(run.out()).as(run.output()).isEqualTo("2000\n2001\nwrote\n");
  }

  @Test
  void theNasIds99And100AreAccepted() {
    Outcome run =
        runToExit(
            RunOptions.defaults().withEnv("PUID", "99").withEnv("PGID", "100"), WHO_AND_WRITE);

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.out()).as(run.output()).isEqualTo("99\n100\nwrote\n");
  }

  @Test
  void rootAndNonNumericIdsAreRefusedWithOneClearLine() {
    Outcome zero = runToExit(RunOptions.defaults().withEnv("PUID", "0"), "true");
    assertThat(zero.code()).as(zero.output()).isNotZero();
    assertThat(zero.out()).as(zero.output()).isEmpty();
    assertThat(zero.err())
        .as(zero.output())
        .contains("stage2: error: PUID=0 is refused: hermes must not run as root");

    Outcome word = runToExit(RunOptions.defaults().withEnv("HERMES_UID", "abc"), "true");
    assertThat(word.code()).as(word.output()).isNotZero();
    assertThat(word.out()).as(word.output()).isEmpty();
    assertThat(word.err())
        .as(word.output())
        .contains(
            "stage2: error: HERMES_UID must be a whole number between 1 and 65534, got 'abc'");
  }

  @Test
  void anArbitraryUserIsRefusedWithGuidanceWhileTheHermesUidBoots() throws IOException {
    Outcome arbitrary = runToExit(RunOptions.defaults().withUser("4242:4242"), "true");
    assertThat(arbitrary.code()).as(arbitrary.output()).isNotZero();
    assertThat(arbitrary.out()).as(arbitrary.output()).isEmpty();
    assertThat(arbitrary.err())
        .as(arbitrary.output())
        .contains("started as UID 4242")
        .contains("HERMES_UID/HERMES_GID")
        .contains("PUID/PGID");

    // Started as the hermes UID, the boot needs a volume hermes owns (a named volume is
    // initialised from the image's /opt/data, which is hermes's; this one is a host directory).
    Container asHermes =
        container(
            RunOptions.defaults().withUser(HERMES_UID + ":" + HERMES_UID),
            "sh",
            "-c",
            "id -u; echo \"$HOME\"");
    Files.setAttribute(asHermes.data(), "unix:uid", Integer.parseInt(HERMES_UID));
    Files.setAttribute(asHermes.data(), "unix:gid", Integer.parseInt(HERMES_UID));
    Outcome hermes = runToExit(asHermes);
    assertThat(hermes.code()).as(hermes.output()).isZero();
    assertThat(hermes.out()).as(hermes.output()).isEqualTo(HERMES_UID + "\n/opt/data/home\n");
    assertThat(hermes.err()).contains("[stage2] Setup complete");
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

    Outcome run = runToExit(container);
    assertThat(run.code()).as(run.output()).isZero();

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

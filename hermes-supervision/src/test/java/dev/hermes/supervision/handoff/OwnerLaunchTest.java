package dev.hermes.supervision.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.s6.S6Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerLaunchTest {
  private static final S6Tools TOOLS = new S6Tools(Path.of("/usr/bin"));

  @TempDir Path tmp;

  @Test
  void anAccountIsSwitchedToByNameSoItsGroupsComeAlong() {
    HomeOwner owner = new HomeOwner(1000, 1000, "alice", Path.of("/nonexistent/alice"));
    Path home = tmp.resolve("hermes");

    OwnerLaunch launch =
        OwnerLaunch.of(
            owner,
            TOOLS,
            home,
            List.of("/opt/hermes/bin/hermes"),
            List.of("-p", "coder", "up"),
            Map.of(
                "HOME", "/root",
                "USER", "root",
                "XDG_RUNTIME_DIR", "/run/user/0",
                "XDG_CACHE_HOME", "/root/.cache",
                "HERMES_DASHBOARD_PORT", "23111"));

    assertThat(launch.command())
        .containsExactly(
            "/usr/bin/s6-setuidgid", "alice", "/opt/hermes/bin/hermes", "-p", "coder", "up");
    assertThat(launch.environment())
        .containsEntry("HERMES_HOME", home.toString())
        .containsEntry("HOME", home.toString())
        .containsEntry("USER", "alice")
        .containsEntry("LOGNAME", "alice")
        .containsEntry("HERMES_DASHBOARD_PORT", "23111")
        .doesNotContainKeys("XDG_RUNTIME_DIR", "XDG_CACHE_HOME");
  }

  @Test
  void aUidWithoutAnAccountGetsTheDirectorysGroupAndNoOthers() {
    HomeOwner owner = new HomeOwner(43210, 43211, null, null);

    OwnerLaunch launch =
        OwnerLaunch.of(owner, TOOLS, tmp, List.of("hermes"), List.of("status"), Map.of());

    assertThat(launch.command())
        .containsExactly("/usr/bin/s6-setuidgid", "43210:43211", "hermes", "status");
    assertThat(launch.environment()).containsEntry("USER", "43210");
    assertThat(owner.describe()).isEqualTo("uid 43210");
  }

  @Test
  void theOwnersHomeIsItsPasswdHomeOnlyWhenItOwnsThatDirectory() throws Exception {
    Path own = Files.createDirectory(tmp.resolve("own"));
    int uid = (Integer) Files.getAttribute(own, "unix:uid");

    assertThat(new HomeOwner(uid, 0, "me", own).processHome(tmp)).isEqualTo(own);
    assertThat(new HomeOwner(uid + 1, 0, "other", own).processHome(tmp)).isEqualTo(tmp);
    assertThat(new HomeOwner(uid, 0, "me", tmp.resolve("missing")).processHome(tmp)).isEqualTo(tmp);
  }

  @Test
  void thePasswdEntryGivesNameGroupAndHome() {
    HomeOwner bare = new HomeOwner(1000, 50, null, null);

    assertThat(bare.withPasswdLine("alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash"))
        .isEqualTo(new HomeOwner(1000, 1000, "alice", Path.of("/home/alice")));
    assertThat(bare.withPasswdLine("bob:x:1001:1001::/home/bob:/bin/sh"))
        .as("another uid's entry")
        .isEqualTo(bare);
    assertThat(bare.withPasswdLine("-rf:x:1000:1000::/:/bin/sh"))
        .as("a name s6-setuidgid could misread")
        .isEqualTo(bare);
    assertThat(bare.withPasswdLine("garbage")).isEqualTo(bare);
  }

  @Test
  void aHomeThatDoesNotExistYetBelongsToTheOwnerOfTheDirectoryAboveIt() throws Exception {
    int uid = (Integer) Files.getAttribute(tmp, "unix:uid");
    HomeOwner owner =
        HomeOwner.of(
            tmp.resolve("not/yet/there"), (command, timeout) -> new CommandResult(2, "", ""));

    assertThat(owner.uid()).isEqualTo(uid);
    assertThat(owner.name()).isNull();
    assertThat(HomeOwner.uidOf(tmp.resolve("not"))).isEqualTo(uid);
  }
}

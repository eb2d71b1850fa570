package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardSlotTest {
  @TempDir Path tmp;

  private DashboardSlot slot(Path scandir) {
    return new DashboardSlot(
        SlotFixtures.spec(
            Path.of("/opt/data"),
            List.of("/opt/hermes/bin/hermes"),
            new TreeMap<>(Map.of("HERMES_CACHE_DIR", "/c"))),
        scandir);
  }

  @Test
  void anEnabledSlotRunsTheDashboardOnItsAddressWithoutCredentials() {
    Map<String, String> files = slot(Path.of("/run/svc")).render("0.0.0.0", 9119, true);
    assertThat(files.keySet()).containsExactly("run", "finish", "notification-fd", "log/run");
    String run = files.get("run");
    assertThat(run)
        .startsWith("#!/bin/sh\n")
        .contains("HERMES_HOME='/opt/data'\nexport HERMES_HOME\n")
        .contains("HERMES_NOTIFY_FD='3'\n")
        .contains("HERMES_SERVICE_MANAGER='s6'\n")
        .contains("S6_PROFILE_GATEWAY_SCANDIR='/run/svc'\n")
        .contains("HERMES_CACHE_DIR='/c'\n")
        .doesNotContain("PASSWORD=", "USERNAME=")
        .endsWith("exec '/opt/hermes/bin/hermes' 'dashboard' '--host' '0.0.0.0' '--port' '9119'\n");
    assertThat(files.get("log/run")).contains("logs/dashboard").contains("s6-log");
  }

  @Test
  void aDisabledSlotExistsWithADownFile() {
    assertThat(slot(tmp).render("127.0.0.1", 9119, false)).containsKey("down");
  }

  @Test
  void finishHoldsARefusedConfigurationDownAndLetsEverythingElseRestart() throws Exception {
    Path finish = Files.writeString(tmp.resolve("finish"), DashboardSlot.finish());
    assertThat(runFinish(finish, "78")).isEqualTo(125);
    assertThat(runFinish(finish, "1")).isZero();
    assertThat(runFinish(finish, "256")).isZero();
    assertThat(runFinish(finish, "0")).isZero();
  }

  @Test
  void writingReplacesAnEarlierSlotAndMakesScriptsExecutable() throws IOException {
    DashboardSlot s = slot(tmp);
    s.write("127.0.0.1", 9119, false);
    assertThat(tmp.resolve("dashboard/down")).exists();
    s.write("127.0.0.1", 9120, true);
    assertThat(tmp.resolve("dashboard/down")).doesNotExist();
    assertThat(Files.readString(tmp.resolve("dashboard/run"))).contains("'9120'");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tmp.resolve("dashboard/run"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(Files.isExecutable(tmp.resolve("dashboard/log/run"))).isTrue();
    try (var entries = Files.list(tmp)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("dashboard");
    }
  }

  private static int runFinish(Path finish, String code) throws Exception {
    Process p =
        new ProcessBuilder("sh", finish.toString(), code, "0")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}

package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlotRendererTest {
  @TempDir Path tmp;

  @Test
  void rendersEveryFileOfASlot() {
    Map<String, String> files =
        new SlotRenderer(SlotFixtures.spec(Path.of("/opt/data"))).render("coder", true);
    assertThat(files.keySet())
        .containsExactly(
            "run",
            "finish",
            "notification-fd",
            "timeout-finish",
            "timeout-kill",
            "log/run",
            "down");
    assertThat(files.get("notification-fd")).isEqualTo("3\n");
    assertThat(files.get("timeout-finish")).isEqualTo("90000\n");
    assertThat(files.get("timeout-kill")).isEqualTo("10000\n");
  }

  @Test
  void aSlotThatShouldStartHasNoDownFile() {
    assertThat(new SlotRenderer(SlotFixtures.spec(Path.of("/d"))).render("coder", false))
        .doesNotContainKey("down");
  }

  @Test
  void runExportsTheEnvironmentAndExecsTheGatewayWithItsProfile() {
    String run =
        new SlotRenderer(SlotFixtures.spec(Path.of("/opt/data"))).render("coder", true).get("run");
    assertThat(run)
        .startsWith("#!/bin/sh\n")
        .contains("HERMES_HOME='/opt/data'\nexport HERMES_HOME\n")
        .contains("HOME='/home/op'\nexport HOME\n")
        .contains("HERMES_SUPERVISED_CHILD='1'\nexport HERMES_SUPERVISED_CHILD\n")
        .contains("HERMES_NOTIFY_FD='3'\nexport HERMES_NOTIFY_FD\n")
        .endsWith("exec '/opt/hermes/bin/hermes' '-p' 'coder' 'gateway' 'run' '--replace'\n");
  }

  @Test
  void theDefaultProfileRunsWithoutDashP() {
    String run =
        new SlotRenderer(SlotFixtures.spec(Path.of("/opt/data")))
            .render("default", false)
            .get("run");
    assertThat(run).endsWith("exec '/opt/hermes/bin/hermes' 'gateway' 'run' '--replace'\n");
  }

  @Test
  void extraEnvironmentIsSortedAndSingleQuoted() {
    TreeMap<String, String> extra = new TreeMap<>(Map.of("ZED", "z", "ALPHA", "it's"));
    String run =
        new SlotRenderer(SlotFixtures.spec(Path.of("/d"), List.of("/h"), extra))
            .render("a", true)
            .get("run");
    assertThat(run.indexOf("ALPHA=")).isLessThan(run.indexOf("ZED="));
    assertThat(run).contains("ALPHA='it'\\''s'\n");
  }

  @Test
  void invalidVariableNamesAreRefused() {
    TreeMap<String, String> extra = new TreeMap<>(Map.of("BAD;NAME", "x"));
    assertThatThrownBy(
            () ->
                new SlotRenderer(SlotFixtures.spec(Path.of("/d"), List.of("/h"), extra))
                    .render("a", true))
        .hasMessage("invalid environment variable name 'BAD;NAME'");
  }

  @Test
  void logRunExpandsHermesHomeAtRunTimeNeverBakedIn() {
    String log =
        new SlotRenderer(SlotFixtures.spec(Path.of("/baked/path")))
            .render("coder", true)
            .get("log/run");
    assertThat(log)
        .doesNotContain("/baked/path")
        .contains("dir=\"$HERMES_HOME/logs/gateways/coder\"")
        .contains("exec '/command/s6-log' -b -- n10 s1000000 T \"$dir\" 1");
  }

  @Test
  void hostileValuesAreInertWhenTheRunScriptExecutes() throws Exception {
    String hostile = "it's \"quoted\" $(touch PWNED) `touch PWNED2` ; touch PWNED3\nnext line";
    Path marker = tmp.resolve("args.txt");
    Path standIn = tmp.resolve("stand-in");
    Files.writeString(
        standIn,
        "#!/bin/sh\nprintf '%s\\n' \"$HERMES_HOME\" \"$EVIL\" \"$@\" > '" + marker + "'\n");
    Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwx------"));
    TreeMap<String, String> extra = new TreeMap<>(Map.of("EVIL", hostile));
    Path home = tmp.resolve("home " + "$(touch PWNED4)");
    String run =
        new SlotRenderer(SlotFixtures.spec(home, List.of(standIn.toString()), extra))
            .render("coder", true)
            .get("run");
    Path script = tmp.resolve("run");
    Files.writeString(script, run);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

    assertThat(sh(List.of("sh", "-n", script.toString()))).isZero();
    assertThat(sh(List.of("sh", script.toString()))).isZero();

    String printed = Files.readString(marker, StandardCharsets.UTF_8);
    assertThat(printed).isEqualTo(home + "\n" + hostile + "\n-p\ncoder\ngateway\nrun\n--replace\n");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("PWNED"));
    }
  }

  @Test
  void everyRenderedScriptIsValidShell() throws Exception {
    Map<String, String> files =
        new SlotRenderer(SlotFixtures.spec(Path.of("/d"))).render("coder", true);
    for (String name : List.of("run", "finish", "log/run")) {
      Path script = tmp.resolve(name.replace('/', '-'));
      Files.writeString(script, files.get(name));
      assertThat(sh(List.of("sh", "-n", script.toString()))).as(name).isZero();
    }
  }

  @Test
  void everyRenderedScriptPassesShellCheck() throws Exception {
    assumeTrue(
        sh(List.of("sh", "-c", "command -v shellcheck >/dev/null")) == 0, "no shellcheck here");
    Map<String, String> files =
        new SlotRenderer(SlotFixtures.spec(Path.of("/d"))).render("coder", true);
    for (String name : List.of("run", "finish", "log/run")) {
      Path script = tmp.resolve(name.replace('/', '-'));
      Files.writeString(script, files.get(name));
      assertThat(sh(List.of("shellcheck", "-s", "sh", script.toString()))).as(name).isZero();
    }
  }

  private int sh(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(tmp.toFile()).inheritIO().start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}

package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.HermesHome;
import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.SupervisionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S6ServiceManagerTest {
  static final String FINISH_FIELDS = "up,wantedup,readysince,updownsince";
  static final String STAMP_0 = "@400000006b0f7082069712e3";
  static final String STAMP_1 = "@400000006b0f708324350166";
  static final String STAMP_2 = "@400000006b0f708525b8ba18";

  @TempDir Path scandir;
  ScriptedRunner runner;
  S6ServiceManager s6;

  @BeforeEach
  void setUp() {
    runner = new ScriptedRunner();
    s6 =
        new S6ServiceManager(
            scandir,
            new S6Tools(Path.of("/command")),
            () -> SlotFixtures.spec(Path.of("/opt/data")),
            runner,
            "s6 (test)");
  }

  @Test
  void registerPublishesTheSlotThenRescans() throws IOException {
    s6.register("coder", false);

    Path slot = scandir.resolve("gateway-coder");
    assertThat(slot.resolve("run")).isExecutable();
    assertThat(slot.resolve("finish")).isExecutable();
    assertThat(slot.resolve("log/run")).isExecutable();
    assertThat(slot.resolve("down")).exists();
    assertThat(runner.commands).containsExactly("/command/s6-svscanctl -a " + scandir);
    assertThat(entries()).containsExactly("gateway-coder");
  }

  @Test
  void registerWithStartNowLeavesNoDownFile() {
    s6.register("coder", true);
    assertThat(scandir.resolve("gateway-coder/down")).doesNotExist();
  }

  @Test
  void registerRefusesAnExistingSlot() {
    s6.register("coder", false);
    assertThatThrownBy(() -> s6.register("coder", false))
        .isInstanceOf(SupervisionException.class)
        .hasMessage("gateway-coder is already registered in " + scandir);
  }

  @Test
  void aFailedRescanRollsTheSlotBackAndReportsIt() throws IOException {
    runner.answer = c -> new CommandResult(111, "", "s6-svscanctl: fatal: unable to control\n");
    assertThatThrownBy(() -> s6.register("coder", false))
        .hasMessage(
            "s6-svscanctl -a on '"
                + scandir
                + "' failed (rc=111): s6-svscanctl: fatal: unable to control");
    assertThat(entries()).isEmpty();
  }

  @Test
  void aStopEndsAWaitingFinishByRemovingTheBackoffFile() throws Exception {
    s6.register("coder", false);
    Path backoff = scandir.resolve("gateway-coder").resolve(BackoffFile.NAME);
    Files.writeString(backoff, "1800000000\n");

    s6.stop("coder");

    assertThat(backoff).doesNotExist();
  }

  @Test
  void lifecycleCommandsUseS6SvcOnTheSlot() {
    s6.register("coder", false);
    runner.commands.clear();
    runner.answer =
        c ->
            c.get(0).endsWith("s6-svstat")
                ? new CommandResult(0, "true true true true 9 -1 NA 4\n", "")
                : new CommandResult(0, "", "");

    s6.start("coder");
    s6.stop("coder");
    s6.restart("coder");

    String slot = scandir.resolve("gateway-coder").toString();
    assertThat(runner.commands)
        .containsExactly(
            "/command/s6-svc -u " + slot,
            "/command/s6-svstat -o " + FINISH_FIELDS + " " + slot,
            "/command/s6-svc -d " + slot,
            "/command/s6-svstat -o " + SvstatParser.FIELDS + " " + slot,
            "/command/s6-svc -t " + slot);
  }

  @Test
  void aStartLeavesTheReArmMarkerUntilItIsDone() {
    s6.register("coder", false);
    Path marker = scandir.resolve("gateway-coder/hermes-rearm");
    List<Boolean> markerAtUp = new ArrayList<>();
    runner.answer =
        c -> {
          if (c.get(0).endsWith("s6-svc")) {
            markerAtUp.add(Files.exists(marker));
          }
          return new CommandResult(0, "true true " + STAMP_1 + " " + STAMP_0 + "\n", "");
        };

    s6.start("coder");

    assertThat(markerAtUp).containsExactly(true);
    assertThat(marker).doesNotExist();
  }

  @Test
  void aStartDuringTheFinishWaitsForItAndWinsAHoldThatCameAfterIt() throws IOException {
    s6.register("coder", false);
    runner.commands.clear();
    Path slotDir = scandir.resolve("gateway-coder");
    // s6-svstat: first the finish is running (ready stamp older than the down stamp), then it
    // has ended with exit 125 (down and ready again, no longer wanted up) and left its reason.
    List<String> answers =
        new ArrayList<>(
            List.of(
                "false true " + STAMP_0 + " " + STAMP_1, "false false " + STAMP_2 + " " + STAMP_1));
    runner.answer =
        c -> {
          if (c.get(0).endsWith("s6-svstat")) {
            String line = answers.remove(0);
            if (answers.isEmpty()) {
              write(slotDir.resolve("hermes-failure"), "crash loop (5 exits in 9s, last: exit 1)");
            }
            return new CommandResult(0, line + "\n", "");
          }
          return new CommandResult(0, "", "");
        };

    s6.start("coder");

    String slot = slotDir.toString();
    assertThat(runner.commands)
        .containsExactly(
            "/command/s6-svc -u " + slot,
            "/command/s6-svstat -o " + FINISH_FIELDS + " " + slot,
            "/command/s6-svstat -o " + FINISH_FIELDS + " " + slot,
            "/command/s6-svc -u " + slot);
    assertThat(slotDir.resolve("hermes-failure")).doesNotExist();
    assertThat(slotDir.resolve("hermes-rearm")).doesNotExist();
  }

  @Test
  void aStartAfterAFinishThatRestartsTheGatewayAsksOnce() {
    s6.register("coder", false);
    runner.commands.clear();
    runner.answer =
        c ->
            new CommandResult(
                0,
                c.get(0).endsWith("s6-svstat") ? "false true " + STAMP_2 + " " + STAMP_1 : "",
                "");

    s6.start("coder");

    assertThat(runner.commands).filteredOn(c -> c.contains("s6-svc ")).hasSize(1);
  }

  @Test
  void aRestartOfARunningGatewayTellsItsFinishThatTheExitWasAskedFor() {
    s6.register("coder", false);
    runner.answer =
        c ->
            c.get(0).endsWith("s6-svstat")
                ? new CommandResult(0, "true true true true 9 -1 NA 4\n", "")
                : new CommandResult(0, "", "");

    s6.restart("coder");

    assertThat(scandir.resolve("gateway-coder/hermes-rearm")).exists();
    assertThat(runner.commands).last().asString().startsWith("/command/s6-svc -t ");
  }

  @Test
  void restartOfADownGatewayStartsIt() {
    s6.register("coder", false);
    runner.commands.clear();
    runner.answer =
        c ->
            c.get(0).endsWith("s6-svstat")
                ? new CommandResult(0, "false false false true -1 0 NA 4\n", "")
                : new CommandResult(0, "", "");
    s6.restart("coder");
    assertThat(runner.commands)
        .filteredOn(c -> c.contains("s6-svc "))
        .last()
        .asString()
        .startsWith("/command/s6-svc -u ");
  }

  @Test
  void startClearsTheCrashLoopState(@TempDir Path data) throws IOException {
    S6ServiceManager s6 =
        new S6ServiceManager(
            scandir,
            new S6Tools(Path.of("/command")),
            () -> SlotFixtures.spec(data),
            runner,
            "s6 (test)");
    s6.register("coder", false);
    Path slot = scandir.resolve("gateway-coder");
    Path streak = new HermesHome(data).profile("coder").crashStreakFile();
    Files.createDirectories(streak.getParent());
    Files.writeString(slot.resolve("hermes-failure"), "crash loop (5 exits in 9s, last: exit 1)\n");
    Files.writeString(streak, "1\n2\n");
    s6.start("coder");
    assertThat(slot.resolve("hermes-failure")).doesNotExist();
    assertThat(streak).doesNotExist();
  }

  @Test
  void controllingAnUnknownGatewaySaysHowToCreateIt() {
    assertThatThrownBy(() -> s6.start("ghost"))
        .hasMessage("no such gateway 'ghost': create it with 'hermes profile create ghost' first");
    assertThat(runner.commands).isEmpty();
  }

  @Test
  void aFailingS6SvcIsReportedWithItsCodeAndStderr() {
    s6.register("coder", false);
    runner.answer =
        c ->
            new CommandResult(
                111, "", "s6-svc: fatal: unable to control: supervisor not listening\n");
    assertThatThrownBy(() -> s6.stop("coder"))
        .hasMessage(
            "s6-svc -d on 'gateway-coder' failed (rc=111): s6-svc: fatal: unable to control: supervisor not listening");
  }

  @Test
  void statusCombinesSvstatWithTheCrashLoopRecord() throws IOException {
    s6.register("coder", false);
    Path slot = scandir.resolve("gateway-coder");
    Files.writeString(slot.resolve("hermes-restarts"), "5\n");
    Files.writeString(slot.resolve("hermes-failure"), "crash loop (5 exits in 9s, last: exit 1)\n");
    runner.answer = c -> new CommandResult(0, "false false true true -1 1 NA 30\n", "");

    var status = s6.status("coder");

    assertThat(status.registered()).isTrue();
    assertThat(status.up()).isFalse();
    assertThat(status.restarts()).isEqualTo(5);
    assertThat(status.failure()).isEqualTo("crash loop (5 exits in 9s, last: exit 1)");
    assertThat(status.actual().word()).isEqualTo("crash-loop");
    assertThat(s6.status("ghost").actual().word()).isEqualTo("not-supervised");
  }

  @Test
  void aSlotWaitingOutACrashIsInBackoffWithTheSecondsLeft() throws IOException {
    s6.register("coder", false);
    Path slot = scandir.resolve("gateway-coder");
    long due = System.currentTimeMillis() / 1000 + 30;
    Files.writeString(slot.resolve("hermes-backoff"), due + "\n");
    // down, wanted up: the finish script is waiting before s6 restarts it
    runner.answer = c -> new CommandResult(0, "false true true false -1 1 NA 2\n", "");

    var status = s6.status("coder");

    assertThat(status.actual().word()).isEqualTo("backoff");
    assertThat(status.backoffSeconds()).isBetween(28L, 30L);
    assertThat(status.exitCode()).isEqualTo(1);
  }

  @Test
  void aCodedHoldFileGivesTheReasonAndTheLine() throws IOException {
    s6.register("coder", false);
    Path slot = scandir.resolve("gateway-coder");
    Files.writeString(
        slot.resolve("hermes-failure"), "fatal-config\nfatal configuration: port 9 is in use\n");
    runner.answer = c -> new CommandResult(0, "false false true false -1 78 NA 2\n", "");

    var status = s6.status("coder");

    assertThat(status.actual().word()).isEqualTo("failed");
    assertThat(status.hold().reason().code()).isEqualTo("fatal-config");
    assertThat(status.failure()).isEqualTo("fatal configuration: port 9 is in use");
  }

  @Test
  void unregisterStopsWaitsMovesOutRescansAndDeletes() throws IOException {
    s6.register("coder", true);
    runner.commands.clear();
    runner.answer =
        c ->
            c.get(0).endsWith("s6-svstat")
                ? new CommandResult(0, "false\n", "")
                : new CommandResult(0, "", "");

    s6.unregister("coder");

    String slot = scandir.resolve("gateway-coder").toString();
    assertThat(runner.commands)
        .containsExactly(
            "/command/s6-svc -d " + slot,
            "/command/s6-svstat -o up " + slot,
            "/command/s6-svscanctl -an " + scandir);
    assertThat(entries()).isEmpty();
  }

  @Test
  void unregisterOfAnUnknownProfileIsANoOp() {
    s6.unregister("ghost");
    assertThat(runner.commands).isEmpty();
  }

  @Test
  void listReturnsRegisteredProfilesAndIgnoresEverythingElse() throws IOException {
    s6.register("b", false);
    s6.register("a", false);
    Files.createDirectories(scandir.resolve(".gateway-c.tmp"));
    Files.createDirectories(scandir.resolve("dashboard"));
    Files.createDirectories(scandir.resolve("gateway-Bad"));
    assertThat(s6.list()).containsExactly("a", "b");
  }

  @Test
  void writeSlotReplacesAnExistingSlotWithoutRescanning() {
    s6.writeSlot("coder", true);
    assertThat(scandir.resolve("gateway-coder/down")).exists();
    s6.writeSlot("coder", false);
    assertThat(scandir.resolve("gateway-coder/down")).doesNotExist();
    assertThat(runner.commands).isEmpty();
  }

  private java.util.List<String> entries() throws IOException {
    try (Stream<Path> s = Files.list(scandir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void statusAllAsksOneShellForEverySupervisedSlotInOrder() {
    s6.register("alpha", false);
    s6.register("beta", false);
    runner.commands.clear();
    runner.answer = c -> new CommandResult(0, "true true true true 42 -1 NA 7\n!\n", "");

    var statuses = s6.statusAll(java.util.List.of("alpha", "ghost", "beta"));

    assertThat(runner.commands).hasSize(1);
    assertThat(runner.commands.get(0))
        .startsWith("/bin/sh -c ")
        .endsWith(
            " sh /command/s6-svstat "
                + scandir.resolve("gateway-alpha")
                + " "
                + scandir.resolve("gateway-beta"));
    assertThat(statuses)
        .extracting(GatewayStatus::profile)
        .containsExactly("alpha", "ghost", "beta");
    assertThat(statuses.get(0).ready()).isTrue();
    assertThat(statuses.get(0).pid()).isEqualTo(42);
    assertThat(statuses.get(1).registered()).isFalse();
    assertThat(statuses.get(2).registered()).isTrue();
    assertThat(statuses.get(2).up()).isFalse();
    assertThat(statuses.get(2).actual().word()).isEqualTo("down");
  }

  @Test
  void statusAllOfNothingRegisteredRunsNothing() {
    assertThat(s6.statusAll(java.util.List.of("ghost")))
        .singleElement()
        .extracting(GatewayStatus::registered)
        .isEqualTo(false);
    assertThat(runner.commands).isEmpty();
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content + "\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

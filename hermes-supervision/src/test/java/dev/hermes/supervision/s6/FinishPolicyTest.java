package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.hermes.core.FileTrees;
import dev.hermes.core.HermesHome;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditAction;
import dev.hermes.core.audit.AuditEvent;
import dev.hermes.core.audit.AuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crash-loop policy, edge by edge of the state machine in docs/backends.md: the real finish
 * script with a fixed clock and jitter, a given slot (ready stamp, streak, re-arm marker) and a
 * stand-in s6-svstat. The table runs it in its dry-run mode; the sequences run it for real, as
 * s6-supervise would after each exit, to follow a gateway through many crashes.
 */
class FinishPolicyTest {
  static final long NOW = 1_000_000;
  static final Duration BOUND = Duration.ofSeconds(30);

  /** The scandir: it also holds what every gateway's finish shares, the fleet's budget. */
  @TempDir Path scandir;

  Path slot;
  Path bin;
  Path hermes;

  /** The HERMES_HOME of the slots; the crash streak lives in the profile's directory. */
  HermesHome home;

  Path streak;

  @BeforeEach
  void standIns() throws IOException {
    slot = Files.createDirectories(scandir.resolve("gateway-coder"));
    home = new HermesHome(scandir.resolve("home"));
    streak = home.profile("coder").crashStreakFile();
    Files.createDirectories(streak.getParent());
    Files.createDirectories(home.logsDir());
    bin = Files.createDirectories(slot.resolve("bin"));
    // s6-svstat -o up,wantedup: one line of svstat-answers per call, the last one from then on;
    // "false true" (down, wanted up: what s6 reports during a crash's finish) when there is none.
    executable(
        bin.resolve("s6-svstat"),
        "#!/bin/sh\n"
            + "[ -f svstat-answers ] || { echo 'false true'; exit 0; }\n"
            + "n=$(($(cat svstat-calls 2>/dev/null || echo 0) + 1))\n"
            + "echo \"$n\" >svstat-calls\n"
            + "line=$(sed -n \"${n}p\" svstat-answers)\n"
            + "[ -n \"$line\" ] || line=$(tail -n 1 svstat-answers)\n"
            + "echo \"$line\"\n");
    // hermes supervise record-failure: records its arguments, and does what the slot's
    // record-failure-does says (a shell line) to stand for whatever happens meanwhile.
    hermes = slot.resolve("fake-hermes");
    executable(
        hermes,
        "#!/bin/sh\n"
            + "printf '%s\\n' \"$HERMES_HOME\" \"$@\" > recorded-args\n"
            + "[ -f record-failure-does ] && . ./record-failure-does\n"
            + "exit 0\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // name                        | code | sig | ready ago | streak (crashes ago) | svstat    |
        // rearm | jitter | cap | decision
        "exit 0 is a clean exit         | 0   | 0  | 5   | -               | -           | n | 100 | 60 | clean exit -> clean",
        "exit 75 (restart requested)    | 75  | 0  | 5   | -               | -           | n | 100 | 60 | clean exit -> clean",
        "SIGTERM                        | 256 | 15 | 5   | 10 20 30 40     | -           | n | 100 | 60 | clean exit -> clean",
        "exit 143 (a JVM's SIGTERM)     | 143 | 0  | -   | 10 20 30 40     | -           | n | 100 | 60 | clean exit -> clean",
        "stop escalated to SIGKILL      | 256 | 9  | 5   | 10 20 30 40     | false false | n | 100 | 60 | operator stop -> clean",
        "stop, then a crash exit        | 1   | 0  | -   | 10 20 30 40     | false false | n | 100 | 60 | operator stop -> clean",
        "a stale status is read again   | 256 | 9  | 5   | -               | true true;false false | n | 100 | 60 | operator stop -> clean",
        "re-armed instead of a restart  | 256 | 9  | 5   | -               | -           | y | 100 | 60 | re-armed -> restart 0",
        "re-armed instead of a hold     | 1   | 0  | -   | 10 20 30 40     | -           | y | 100 | 60 | re-armed -> restart 0",
        "re-armed beats exit 78         | 78  | 0  | -   | -               | -           | y | 100 | 60 | re-armed -> restart 0",
        "exit 78 holds                  | 78  | 0  | -   | -               | -           | n | 100 | 60 | fatal configuration -> hold fatal configuration",
        "first crash restarts at once   | 1   | 0  | -   | -               | -           | n | 100 | 60 | crash before healthy -> restart 0 (streak 1)",
        "second crash                   | 1   | 0  | -   | 10              | -           | n | 100 | 60 | crash before healthy -> restart 1000 (streak 2)",
        "third crash                    | 1   | 0  | 2   | 10 20           | -           | n | 100 | 60 | crash before healthy -> restart 2000 (streak 3)",
        "fourth crash                   | 256 | 9  | 2   | 10 20 30        | -           | n | 100 | 60 | crash before healthy -> restart 4000 (streak 4)",
        "fifth quick crash holds        | 1   | 0  | -   | 50 40 30 20     | -           | n | 100 | 60 | crash loop -> hold crash loop (5 exits in 50s, last: exit 1)",
        "killed in a loop holds         | 256 | 9  | 3   | 40 30 20 10     | -           | n | 100 | 60 | crash loop -> hold crash loop (5 exits in 40s, last: signal SIGKILL)",
        "slow crashes still count       | 256 | 9  | 59  | 400 300 200 100 | -           | n | 100 | 60 | crash loop -> hold crash loop (5 exits in 400s, last: signal SIGKILL)",
        "healthy_seconds of readiness   | 256 | 9  | 60  | 400 300 200 100 | -           | n | 100 | 60 | crash after healthy -> restart 0 (streak 1)",
        "a long healthy run             | 1   | 0  | 900 | 950 940 930 920 | -           | n | 100 | 60 | crash after healthy -> restart 0 (streak 1)",
        "a ready stamp from the future  | 1   | 0  | -5  | 10              | -           | n | 100 | 60 | crash before healthy -> restart 1000 (streak 2)",
        "garbage history lines ignored  | 1   | 0  | -   | x 20            | -           | n | 100 | 60 | crash before healthy -> restart 1000 (streak 2)",
        "jitter: 80 %                   | 1   | 0  | -   | 10              | -           | n | 80  | 60 | crash before healthy -> restart 800 (streak 2)",
        "jitter: 120 %                  | 1   | 0  | -   | 10 20           | -           | n | 120 | 60 | crash before healthy -> restart 2400 (streak 3)",
        "jitter never passes the cap    | 1   | 0  | -   | 10 20 30        | -           | n | 120 | 4  | crash before healthy -> restart 4000 (streak 4)",
      })
  void decides(
      String ignoredName,
      int code,
      int signal,
      String readyAgo,
      String streakAgo,
      String svstat,
      String rearm,
      int jitter,
      int cap,
      String expected)
      throws Exception {
    if (!readyAgo.equals("-")) {
      Files.writeString(slot.resolve("hermes-ready"), (NOW - Long.parseLong(readyAgo)) + "\n");
    }
    if (!streakAgo.equals("-")) {
      StringBuilder history = new StringBuilder();
      for (String ago : streakAgo.split(" ")) {
        history.append(ago.matches("\\d+") ? String.valueOf(NOW - Long.parseLong(ago)) : ago);
        history.append('\n');
      }
      Files.writeString(streak, history);
    }
    if (!svstat.equals("-")) {
      Files.writeString(slot.resolve("svstat-answers"), svstat.replace(';', '\n') + "\n");
    }
    if (rearm.equals("y")) {
      Files.writeString(slot.resolve("hermes-rearm"), "");
    }

    Result r = finish(new CrashLoopSettings(5, 1, cap, 60, 0), dryRun(jitter), NOW, code, signal);

    assertThat(r.code).isZero();
    assertThat(r.out.trim()).isEqualTo(expected);
    assertThat(slot.resolve("hermes-restarts")).as("a dry run changes nothing").doesNotExist();
    assertThat(Files.exists(slot.resolve("hermes-rearm"))).isEqualTo(rearm.equals("y"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // name                           | code | sig | svstat      | oom_kill at start, now |
        // death
        "exit 0                            | 0   | 0  | -           | -   | clean-stop   | exit 0",
        "exit 143 (a JVM's SIGTERM)        | 143 | 0  | -           | -   | clean-stop   | exit 143",
        "SIGTERM                           | 256 | 15 | -           | 3 4 | clean-stop   | signal SIGTERM",
        "a crash exit                      | 1   | 0  | -           | -   | exit-code    | exit 1",
        "a fatal configuration             | 78  | 0  | -           | -   | exit-code    | exit 78",
        "SIGKILL, the count unchanged      | 256 | 9  | -           | 3 3 | signal       | signal SIGKILL",
        "SIGKILL, no count kept            | 256 | 9  | -           | -   | signal       | signal SIGKILL",
        "SIGKILL while the count rose      | 256 | 9  | -           | 3 4 | oom-kill     | signal SIGKILL",
        "SIGSEGV while the count rose      | 256 | 11 | -           | 3 4 | signal       | signal SIGSEGV",
        "a stop that had to kill           | 256 | 9  | false false | 3 3 | stop-timeout | signal SIGKILL",
        "the OOM killer during a stop      | 256 | 9  | false false | 3 4 | oom-kill     | signal SIGKILL",
        "a stop, then exit 1               | 1   | 0  | false false | -   | exit-code    | exit 1",
      })
  void recordsHowItDied(
      String ignoredName,
      int code,
      int signal,
      String svstat,
      String oomKills,
      String cause,
      String detail)
      throws Exception {
    if (!svstat.equals("-")) {
      Files.writeString(slot.resolve("svstat-answers"), svstat + "\n");
    }
    if (!oomKills.equals("-")) {
      String[] counts = oomKills.split(" ");
      writeOomCount(Integer.parseInt(counts[0]), Integer.parseInt(counts[1]));
    }

    finish(
        new CrashLoopSettings(5, 1, 60, 60, 0),
        Map.of("HERMES_FINISH_JITTER", "100"),
        NOW,
        code,
        signal);

    assertThat(slot.resolve("hermes-death")).hasContent(cause + "\n" + detail + "\n" + NOW);
    assertThat(slot.resolve("hermes-death.tmp")).doesNotExist();
  }

  @Test
  void crashesAndHoldsGoToTheAuditTrailAsTheSupervisors() throws Exception {
    CrashLoopSettings settings = new CrashLoopSettings(2, 0, 0, 60, 0);
    writeOomCount(3, 4);
    finish(settings, Map.of("HERMES_FINISH_JITTER", "100"), NOW, 256, 9);
    finish(settings, Map.of(), NOW + 1, 1, 0);
    finish(settings, dryRun(100), NOW + 2, 1, 0);

    String uid = String.valueOf(new com.sun.security.auth.module.UnixSystem().getUid());
    String user = System.getProperty("user.name");
    assertThat(home.logsDir().resolve("audit.jsonl"))
        .hasContent(
            "{\"time\":\"1970-01-12T13:46:40Z\",\"profile\":\"coder\",\"action\":\"crash\","
                + "\"actor\":\"supervisor\",\"uid\":"
                + uid
                + ",\"user\":\""
                + user
                + "\",\"reason\":\"signal SIGKILL (oom-kill)\",\"result\":\"restart in 0 ms\"}\n"
                + "{\"time\":\"1970-01-12T13:46:41Z\",\"profile\":\"coder\",\"action\":\"hold\","
                + "\"actor\":\"supervisor\",\"uid\":"
                + uid
                + ",\"user\":\""
                + user
                + "\",\"reason\":\"crash loop (2 exits in 1s, last: exit 1)\",\"result\":\"held\"}");
    assertThat(AuditLog.of(home, warning -> {}).read("coder"))
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::result)
        .containsExactly(
            tuple(AuditAction.CRASH, Actor.SUPERVISOR, "restart in 0 ms"),
            tuple(AuditAction.HOLD, Actor.SUPERVISOR, "held"));
  }

  @ParameterizedTest
  @ValueSource(
      longs = {0, 951_782_400, 1_709_251_199, 1_796_000_000, 4_102_444_799L, 253_402_300_799L})
  void theAuditTrailsTimeIsTheUtcTimeOfTheEpochSecond(long epochSecond) throws Exception {
    String body;
    try (InputStream in = SlotRenderer.class.getResourceAsStream("finish-body.sh")) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String function =
        body.substring(
            body.indexOf("utc_time() {"), body.indexOf("\n}\n", body.indexOf("utc_time() {")) + 3);
    Process p =
        new ProcessBuilder(
                "sh", "-c", function + "utc_time " + epochSecond + "; printf %s \"$utc\"")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).isZero();
    assertThat(out).isEqualTo(java.time.Instant.ofEpochSecond(epochSecond).toString());
  }

  @Test
  void aCounterFileThatIsGoneIsNoOomKill() throws Exception {
    Files.writeString(slot.resolve("hermes-oom"), slot.resolve("gone") + "\n3\n");

    finish(
        new CrashLoopSettings(5, 1, 60, 60, 0), Map.of("HERMES_FINISH_JITTER", "100"), NOW, 256, 9);

    assertThat(slot.resolve("hermes-death")).hasContent("signal\nsignal SIGKILL\n" + NOW);
  }

  @Test
  void aDryRunRecordsNoDeath() throws Exception {
    finish(new CrashLoopSettings(5, 1, 60, 60, 0), dryRun(100), NOW, 1, 0);

    assertThat(slot.resolve("hermes-death")).doesNotExist();
  }

  @Test
  void killedManyTimesEachAfterAHealthyPeriodItIsNeverHeld() throws Exception {
    CrashLoopSettings settings = new CrashLoopSettings(5, 0, 0, 3, 0);
    long t = NOW;
    for (int kill = 1; kill <= 20; kill++) {
      becomesReady(t);
      t += 4;
      Result r = finish(settings, Map.of(), t, 256, 9);
      assertThat(r.code).as("kill %d", kill).isZero();
      assertThat(r.out)
          .contains("crash after healthy, crash 1 of 5 in this streak: restart in 0 ms");
      assertThat(r.err).as("nothing goes to the scanner's stderr").isEmpty();
      t += 1;
    }
    assertThat(slot.resolve("hermes-failure")).doesNotExist();
    assertThat(slot.resolve("recorded-args")).doesNotExist();
    assertThat(Files.readString(slot.resolve("hermes-restarts")).trim()).isEqualTo("20");
  }

  @Test
  void fiveQuickCrashesAreHeldAtTheFifth() throws Exception {
    CrashLoopSettings settings = new CrashLoopSettings(5, 0, 0, 3, 0);
    long t = NOW;
    for (int crash = 1; crash <= 4; crash++) {
      becomesReady(t);
      t += 2;
      assertThat(finish(settings, Map.of(), t, 256, 9).code).as("crash %d", crash).isZero();
    }
    becomesReady(t);
    t += 2;
    Result fifth = finish(settings, Map.of(), t, 256, 9);

    assertThat(fifth.code).isEqualTo(125);
    assertThat(slot.resolve("hermes-failure"))
        .hasContent("crash-loop\ncrash loop (5 exits in 8s, last: signal SIGKILL)");
    assertThat(fifth.out).contains("holding the gateway down: crash loop (5 exits in 8s");
    assertThat(Files.readAllLines(slot.resolve("recorded-args")))
        .containsExactly(
            home.root().toString(),
            "-p",
            "coder",
            "supervise",
            "record-failure",
            "--code",
            "crash-loop",
            "--reason",
            "crash loop (5 exits in 8s, last: signal SIGKILL)",
            "--hold-file",
            slot.resolve("hermes-failure.tmp").toString());
  }

  @Test
  void theStreakOutlivesTheSlotAsAContainerRestartRebuildsIt() throws Exception {
    CrashLoopSettings settings = new CrashLoopSettings(5, 0, 0, 3, 0);
    long t = NOW;
    for (int crash = 1; crash <= 4; crash++) {
      t += 2;
      assertThat(finish(settings, Map.of(), t, 1, 0).code).as("crash %d", crash).isZero();
    }
    // The scandir is on tmpfs in the container: after a restart the slot is written afresh.
    FileTrees.delete(slot);
    standIns();

    Result fifth = finish(settings, Map.of(), t + 30, 1, 0);

    assertThat(fifth.code).isEqualTo(125);
    assertThat(slot.resolve("hermes-failure"))
        .hasContent("crash-loop\ncrash loop (5 exits in 36s, last: exit 1)");
  }

  @Test
  void aHealthyPeriodInTheMiddleStartsTheCountAgain() throws Exception {
    CrashLoopSettings settings = new CrashLoopSettings(5, 0, 0, 3, 0);
    long t = NOW;
    // Four quick crashes, one after a healthy period, then quick ones: the hold comes at the
    // fifth crash of the new streak, the ninth in all.
    for (int crash = 1; crash <= 9; crash++) {
      becomesReady(t);
      t += crash == 5 ? 10 : 1;
      Result r = finish(settings, Map.of(), t, 1, 0);
      assertThat(r.code).as("crash %d", crash).isEqualTo(crash == 9 ? 125 : 0);
      if (crash == 5) {
        assertThat(r.out).contains("crash after healthy, crash 1 of 5");
      }
    }
    assertThat(slot.resolve("hermes-failure"))
        .content()
        .startsWith("crash-loop\ncrash loop (5 exits in 4s");
  }

  @Test
  void theBackoffFollowsTheStreakUpToTheCap() throws Exception {
    CrashLoopSettings shown = new CrashLoopSettings(10, 1, 60, 60, 0);
    CrashLoopSettings noWait = new CrashLoopSettings(10, 0, 0, 60, 0);
    List<String> delays = List.of("0", "1000", "2000", "4000", "8000", "16000", "32000", "60000");
    for (int k = 1; k <= delays.size(); k++) {
      assertThat(finish(shown, dryRun(100), NOW + k, 1, 0).out.trim())
          .isEqualTo(
              "crash before healthy -> restart " + delays.get(k - 1) + " (streak " + k + ")");
      assertThat(finish(noWait, Map.of(), NOW + k, 1, 0).code).isZero();
    }
  }

  @Test
  void gatewaysThatCrashTogetherRestartNoFasterThanTheFleetsBudget() throws Exception {
    // Five gateways of one scandir crash in the same second, each after a healthy period, so each
    // would restart at once: with 2 a second they go at NOW, NOW, NOW+1, NOW+1, NOW+2.
    List<Long> turns = crashTogether(5, new CrashLoopSettings(5, 0, 0, 3, 2));

    assertThat(turns).containsExactly(NOW, NOW, NOW + 1, NOW + 1, NOW + 2);
    try (var tickets = Files.list(scandir.resolve(".hermes-restart-turns"))) {
      assertThat(tickets.map(ticket -> ticket.getFileName().toString()))
          .as("one ticket per restart, at most 2 a second")
          .containsExactlyInAnyOrder(
              NOW + ".1", NOW + ".2", (NOW + 1) + ".1", (NOW + 1) + ".2", (NOW + 2) + ".1");
    }
    long queued =
        Files.list(scandir)
            .filter(dir -> dir.getFileName().toString().startsWith("gateway-g"))
            .filter(
                dir ->
                    readIn(dir, "out")
                        .contains("its turn in the fleet's restart budget of 2 a second"))
            .count();
    assertThat(queued).as("the restarts that waited for their turn say so").isEqualTo(3);
  }

  @Test
  void withoutAFleetBudgetTheyAllRestartAtOnce() throws Exception {
    List<Long> turns = crashTogether(5, new CrashLoopSettings(5, 0, 0, 3, 0));

    assertThat(turns).containsOnly(NOW);
    assertThat(scandir.resolve(".hermes-restart-turns")).doesNotExist();
  }

  /** The seconds the finishes of {@code count} slots that crashed at NOW restart at, sorted. */
  private List<Long> crashTogether(int count, CrashLoopSettings settings) throws Exception {
    List<Path> slots = new ArrayList<>();
    List<Process> finishes = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        Path dir = Files.createDirectories(scandir.resolve("gateway-g" + i));
        Files.writeString(dir.resolve("hermes-ready"), (NOW - 10) + "\n");
        slots.add(dir);
        finishes.add(startIn(dir, settings, Map.of("HERMES_FINISH_JITTER", "100"), NOW, 1, 0));
      }
      for (Process finish : finishes) {
        assertThat(finish.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(finish.exitValue()).isZero();
      }
    } finally {
      finishes.forEach(Process::destroyForcibly);
    }
    List<Long> turns = new ArrayList<>();
    for (Path dir : slots) {
      turns.add(Long.parseLong(readIn(dir, BackoffFile.NAME).trim()));
    }
    Collections.sort(turns);
    return turns;
  }

  @Test
  void aStartWhileTheHoldIsRecordedRestartsInstead() throws Exception {
    Files.writeString(slot.resolve("record-failure-does"), ": >hermes-rearm\n");
    CrashLoopSettings settings = new CrashLoopSettings(1, 0, 0, 60, 0);

    Result r = finish(settings, Map.of(), NOW, 256, 9);

    assertThat(r.code).isZero();
    assertThat(r.out).contains("re-armed by a start while holding: restarting instead");
    assertThat(slot.resolve("recorded-args")).exists();
    assertThat(home.logsDir().resolve("audit.jsonl")).as("no hold happened").doesNotExist();
    for (String gone : List.of("hermes-rearm", "hermes-failure")) {
      assertThat(slot.resolve(gone)).doesNotExist();
    }
    assertThat(streak).doesNotExist();
  }

  @Test
  void aStartDuringTheBackoffEndsItAndStartsAFreshStreak() throws Exception {
    Files.writeString(streak, (NOW - 5) + "\n");
    CrashLoopSettings settings = new CrashLoopSettings(5, 60, 60, 60, 0);
    Process finish = start(settings, Map.of("HERMES_FINISH_JITTER", "100"), NOW, 1, 0);
    try {
      await().atMost(BOUND).until(() -> read("out").contains("restart in 60000 ms"));
      Files.writeString(slot.resolve("hermes-rearm"), "");

      assertThat(finish.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS))
          .as("ends long before the 60 s backoff")
          .isTrue();
      assertThat(finish.exitValue()).isZero();
      assertThat(read("out")).contains("re-armed by a start during the backoff: restarting now");
      assertThat(slot.resolve("hermes-rearm")).doesNotExist();
      assertThat(streak).doesNotExist();
    } finally {
      finish.destroyForcibly();
    }
  }

  @Test
  void aStopDuringTheBackoffEndsItAndTheGatewayStaysDown() throws Exception {
    // Wanted up while it waits, until the stop.
    Process finish = waitingOutASixtySecondBackoff();
    try {
      Files.writeString(slot.resolve("svstat-answers"), "false\n", StandardOpenOption.APPEND);

      assertThat(finish.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS))
          .as("ends long before the 60 s backoff")
          .isTrue();
      assertThat(finish.exitValue()).isZero();
      assertThat(read("out")).contains("stopped during the backoff: staying down");
      assertThat(slot.resolve(BackoffFile.NAME)).doesNotExist();
    } finally {
      finish.destroyForcibly();
    }
  }

  @Test
  void gatewayStopEndsTheBackoffByRemovingItsFileWithinASecond() throws Exception {
    // s6 still says "wanted up" throughout: only the removed file tells of the stop.
    Process finish = waitingOutASixtySecondBackoff();
    try {
      Files.delete(slot.resolve(BackoffFile.NAME));

      assertThat(finish.waitFor(3, TimeUnit.SECONDS))
          .as("ends at the next step, before s6-svstat is read again")
          .isTrue();
      assertThat(read("out")).contains("stopped during the backoff: staying down");
    } finally {
      finish.destroyForcibly();
    }
  }

  /**
   * A finish after the second crash of a streak, waiting out its 60 s backoff; s6 said "down,
   * wanted up" as it started and says "wanted up" from then on.
   */
  private Process waitingOutASixtySecondBackoff() throws Exception {
    Files.writeString(streak, (NOW - 5) + "\n");
    Files.writeString(slot.resolve("svstat-answers"), "false true\ntrue\n");
    CrashLoopSettings settings = new CrashLoopSettings(5, 60, 60, 60, 0);
    Process finish = start(settings, Map.of("HERMES_FINISH_JITTER", "100"), NOW, 1, 0);
    try {
      await().atMost(BOUND).until(() -> read("out").contains("restart in 60000 ms"));
    } catch (RuntimeException | Error e) {
      finish.destroyForcibly();
      throw e;
    }
    return finish;
  }

  @Test
  void aFullLogPipeNeverStallsTheDecision() throws Exception {
    // The slot's logger has stopped reading (its disk is full): the pipe behind stdout and stderr
    // is full before the finish starts. Every write to it would block for good.
    Files.writeString(slot.resolve("record-failure-does"), "yes 'JVM output' | head -n 100000\n");
    CrashLoopSettings settings = new CrashLoopSettings(1, 0, 0, 60, 0);
    Path script = render(settings);
    String harness =
        "mkfifo full && exec 7<>full && rm full\n"
            + "timeout 2 cat /dev/zero >&7\n"
            + "exec sh "
            + script
            + " 256 9 . >&7 2>&7\n";
    Process p =
        new ProcessBuilder("sh", "-c", harness)
            .directory(slot.toFile())
            .redirectOutput(slot.resolve("out").toFile())
            .redirectError(slot.resolve("err").toFile())
            .start();
    try {
      assertThat(p.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the finish ended").isTrue();
      assertThat(p.exitValue()).isEqualTo(125);
      assertThat(slot.resolve("hermes-failure"))
          .hasContent("crash-loop\ncrash loop (1 exits in 0s, last: signal SIGKILL)");
      assertThat(slot.resolve("hermes-record-failure.log")).content().startsWith("JVM output");
    } finally {
      p.destroyForcibly();
    }
  }

  /** What ./run keeps (the counter's file and its count then), and the counter now. */
  private void writeOomCount(int atStart, int now) throws IOException {
    Path events = slot.resolve("memory.events");
    Files.writeString(events, "oom 1\noom_kill " + now + "\noom_group_kill 0\n");
    Files.writeString(slot.resolve("hermes-oom"), events + "\n" + atStart + "\n");
  }

  private void becomesReady(long at) throws IOException {
    // What ./run and the gateway do: the stamp of the previous run goes, the new one comes.
    Files.deleteIfExists(slot.resolve("hermes-ready"));
    Files.writeString(slot.resolve("hermes-ready"), at + "\n");
  }

  private static Map<String, String> dryRun(int jitter) {
    return Map.of("HERMES_FINISH_DRY_RUN", "1", "HERMES_FINISH_JITTER", String.valueOf(jitter));
  }

  record Result(int code, String out, String err) {}

  private Path render(CrashLoopSettings settings) throws IOException {
    return render(settings, slot);
  }

  /** The finish of the slot {@code dir} ({@code gateway-P}), for profile P. */
  private Path render(CrashLoopSettings settings, Path dir) throws IOException {
    String profile = dir.getFileName().toString().substring("gateway-".length());
    Files.createDirectories(home.profile(profile).dir());
    String finish =
        new SlotRenderer(
                new SlotSpec(
                    List.of(hermes.toString()),
                    home.root(),
                    "/home/op",
                    new TreeMap<>(),
                    new S6Tools(bin),
                    settings))
            .render(profile, true)
            .get("finish");
    Path script = dir.resolve("finish");
    Files.writeString(script, finish);
    return script;
  }

  private Process start(
      CrashLoopSettings settings, Map<String, String> env, long now, int code, int signal)
      throws IOException {
    return startIn(slot, settings, env, now, code, signal);
  }

  /** The finish of the slot {@code dir}, as s6-supervise runs it there. */
  private Process startIn(
      Path dir, CrashLoopSettings settings, Map<String, String> env, long now, int code, int signal)
      throws IOException {
    Path script = render(settings, dir);
    ProcessBuilder pb =
        new ProcessBuilder(
                "sh", script.toString(), String.valueOf(code), String.valueOf(signal), ".")
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out").toFile())
            .redirectError(dir.resolve("err").toFile());
    Map<String, String> environment = new HashMap<>(env);
    environment.put("HERMES_FINISH_NOW", String.valueOf(now));
    pb.environment().putAll(environment);
    return pb.start();
  }

  private Result finish(
      CrashLoopSettings settings, Map<String, String> env, long now, int code, int signal)
      throws IOException, InterruptedException {
    Process p = start(settings, env, now, code, signal);
    assertThat(p.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), read("out"), read("err"));
  }

  private String read(String name) throws IOException {
    return Files.readString(slot.resolve(name), StandardCharsets.UTF_8);
  }

  private static String readIn(Path dir, String name) {
    try {
      return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void executable(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }
}

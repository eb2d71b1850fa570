package dev.hermes.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hermes.core.ProcessUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T16:20:01.500Z"), ZoneOffset.UTC);

  @TempDir Path home;

  private final List<String> warnings = new ArrayList<>();

  private AuditLog log(long maxBytes) {
    return new AuditLog(
        home.resolve("logs").resolve(AuditLog.FILE_NAME),
        home,
        () -> maxBytes,
        CLOCK,
        warnings::add);
  }

  @Test
  void aRecordedChangeIsOkWhenItReturnsAndItsFailureWhenItThrowsWhichGoesOn() {
    AuditLog log = log(AuditLog.DEFAULT_MAX_BYTES);
    List<String> done = new ArrayList<>();

    log.recorded("alice", AuditAction.REGISTER, Actor.CLI, "profile created", () -> done.add("x"));
    IllegalStateException refused = new IllegalStateException("no scandir");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                log.recorded(
                    "alice",
                    AuditAction.UNREGISTER,
                    Actor.BOOT,
                    "its profile no longer exists",
                    () -> {
                      throw refused;
                    }))
        .isSameAs(refused);

    assertThat(done).containsExactly("x");
    assertThat(log.read())
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AuditAction.REGISTER, Actor.CLI, "ok"),
            org.assertj.core.groups.Tuple.tuple(
                AuditAction.UNREGISTER, Actor.BOOT, "failed: no scandir"));
  }

  @Test
  void anEventIsAppendedAsOneLineAndReadBack() throws IOException {
    AuditLog log = log(AuditLog.DEFAULT_MAX_BYTES);

    log.record("alice", AuditAction.STOP, Actor.CLI, "gateway stop", "ok");
    log.record("bob", AuditAction.START, Actor.dashboard("ops"), "", "failed: no slot");

    assertThat(Files.readAllLines(log.file())).hasSize(2);
    assertThat(log.read())
        .extracting(AuditEvent::profile, AuditEvent::action, AuditEvent::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", AuditAction.STOP, "ok"),
            org.assertj.core.groups.Tuple.tuple("bob", AuditAction.START, "failed: no slot"));
    assertThat(log.read("bob"))
        .singleElement()
        .extracting(AuditEvent::actor)
        .isEqualTo(Actor.dashboard("ops"));
    assertThat(log.read().get(0).user()).isEqualTo(System.getProperty("user.name"));
    assertThat(warnings).isEmpty();
  }

  @Test
  void theFileIsTheOwnersOnly() throws IOException {
    AuditLog log = log(AuditLog.DEFAULT_MAX_BYTES);
    log.record("a", AuditAction.STOP, Actor.CLI, "", "ok");

    assertThat(Files.getAttribute(log.file(), "unix:mode")).isEqualTo(0100600);
  }

  @Test
  void linesThatAreNotEventsAreSkipped() throws IOException {
    AuditLog log = log(AuditLog.DEFAULT_MAX_BYTES);
    log.record("a", AuditAction.STOP, Actor.CLI, "", "ok");
    Files.writeString(
        log.file(),
        "garbage\n{\"time\":\"2026-12-03T16:20:01Z\"}\n\n{\"half\":\n",
        StandardOpenOption.APPEND);
    log.record("a", AuditAction.START, Actor.CLI, "", "ok");

    assertThat(log.read())
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.STOP, AuditAction.START);
  }

  @Test
  void concurrentAppendersNeverInterleaveOrLoseALine() throws Exception {
    AuditLog log = log(AuditLog.DEFAULT_MAX_BYTES * 64);
    int threads = 8;
    int each = 250;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String profile = "p" + t;
      // A separate log object per thread, as separate processes would have.
      AuditLog own = log(AuditLog.DEFAULT_MAX_BYTES * 64);
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < each; i++) {
                  own.record(profile, AuditAction.RESTART, Actor.CLI, "n=" + i, "ok");
                }
              }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<String> lines = Files.readAllLines(log.file(), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(threads * each);
    assertThat(lines).allSatisfy(line -> assertThat(AuditEvent.parse(line)).isPresent());
    for (int t = 0; t < threads; t++) {
      assertThat(log.read("p" + t))
          .extracting(AuditEvent::reason)
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, each).mapToObj(i -> "n=" + i).toList());
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void pastItsCapTheFileIsRotatedAndReadOldestFirst() throws IOException {
    AuditLog log = log(AuditLog.MIN_MAX_BYTES);
    String reason = "r".repeat(500);
    int lines = 0;
    while (!Files.exists(log.rotated(2))) {
      log.record("a", AuditAction.STOP, Actor.CLI, reason + " " + lines, "ok");
      lines++;
    }
    log.record("a", AuditAction.START, Actor.CLI, "last", "ok");

    assertThat(Files.size(log.rotated(1))).isGreaterThan(AuditLog.MIN_MAX_BYTES);
    assertThat(Files.size(log.file())).isLessThan(AuditLog.MIN_MAX_BYTES);
    List<AuditEvent> events = log.read();
    assertThat(events).hasSize(lines + 1);
    assertThat(events.get(0).reason()).isEqualTo(reason + " 0");
    assertThat(events.get(events.size() - 1).reason()).isEqualTo("last");
  }

  @Test
  void theCapComesFromTheHomesConfigAndIsMetAtTheNext64KiBMark() throws IOException {
    Files.writeString(home.resolve("config.yaml"), "audit:\n  max_bytes: 100000\n");
    AuditLog log = AuditLog.of(new dev.hermes.core.HermesHome(home), warnings::add);
    int i = 0;
    while (!Files.exists(log.rotated(1))) {
      log.record("a", AuditAction.STOP, Actor.CLI, "r".repeat(500) + i++, "ok");
    }

    assertThat(Files.size(log.rotated(1)))
        .isGreaterThan(2 * AuditLog.CAP_STEP)
        .isLessThan(2 * AuditLog.CAP_STEP + 1000);
    assertThat(warnings).isEmpty();
  }

  @Test
  void onlyTheNewestRotatedFilesAreKept() throws IOException {
    AuditLog log = log(AuditLog.MIN_MAX_BYTES);
    String reason = "r".repeat(900);
    int i = 0;
    while (!Files.exists(log.rotated(AuditLog.KEPT))) {
      log.record("a", AuditAction.STOP, Actor.CLI, reason + " " + i++, "ok");
    }
    String oldest = log.read().get(0).reason();
    // One more rotation (a rotation leaves no current file behind): the oldest file goes.
    do {
      log.record("a", AuditAction.STOP, Actor.CLI, reason + " " + i++, "ok");
    } while (Files.exists(log.file()));

    assertThat(home.resolve("logs").resolve(AuditLog.FILE_NAME + "." + (AuditLog.KEPT + 1)))
        .doesNotExist();
    assertThat(log.read().get(0).reason()).isNotEqualTo(oldest);
    assertThat(log.read().get(log.read().size() - 1).reason()).isEqualTo(reason + " " + (i - 1));
  }

  @Test
  void whatRootCreatesGoesToTheHomesOwnerSoTheOwnerCanStillAppendAndRotate() throws IOException {
    assumeTrue(ProcessUser.isRoot(), "only root can give a file away");
    int owner = 4242;
    Files.setAttribute(home, "unix:uid", owner);
    Files.setAttribute(home, "unix:gid", owner);
    AuditLog log = log(AuditLog.MIN_MAX_BYTES);

    while (!Files.exists(log.rotated(1))) {
      log.record("a", AuditAction.STOP, Actor.CLI, "r".repeat(500), "ok");
    }
    log.record("a", AuditAction.START, Actor.CLI, "", "ok");

    for (Path created :
        List.of(
            home.resolve("logs"),
            log.file(),
            log.rotated(1),
            home.resolve("logs").resolve(AuditLog.FILE_NAME + ".lock"))) {
      assertThat(Files.getAttribute(created, "unix:uid")).as(created.toString()).isEqualTo(owner);
      assertThat(Files.getAttribute(created, "unix:gid")).as(created.toString()).isEqualTo(owner);
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void aFailedAppendWarnsOnceAndNeverThrows() throws IOException {
    Files.writeString(home.resolve("logs"), "a file where the directory should be");
    AuditLog log = log(AuditLog.DEFAULT_MAX_BYTES);

    log.record("a", AuditAction.STOP, Actor.CLI, "", "ok");
    log.record("a", AuditAction.START, Actor.CLI, "", "ok");

    assertThat(warnings).singleElement().asString().startsWith("could not write the audit trail");
  }

  @Test
  void aLinkAtTheFileIsNotWrittenThrough() throws IOException {
    Path target = home.resolve("elsewhere");
    Files.createDirectories(home.resolve("logs"));
    Files.createSymbolicLink(home.resolve("logs").resolve(AuditLog.FILE_NAME), target);
    AuditLog log = log(AuditLog.DEFAULT_MAX_BYTES);

    log.record("a", AuditAction.STOP, Actor.CLI, "", "ok");

    assertThat(target).doesNotExist();
    assertThat(warnings).hasSize(1);
  }

  @Test
  void noFileReadsAsNoEvents() {
    assertThat(log(AuditLog.DEFAULT_MAX_BYTES).read()).isEmpty();
  }
}

package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.GatewayStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S6StatusCacheTest {
  @TempDir Path scandir;
  private final ScriptedRunner runner = new ScriptedRunner();
  private final AtomicLong monotonic = new AtomicLong();
  private final AtomicLong wall = new AtomicLong();
  private S6StatusCache cache;
  private Path status;

  @BeforeEach
  void setUp() throws IOException {
    S6ServiceManager s6 =
        new S6ServiceManager(
            scandir,
            new S6Tools(Path.of("/command")),
            () -> SlotFixtures.spec(Path.of("/d")),
            runner,
            "s6 (test)");
    cache = new S6StatusCache(s6, monotonic::get, wall::get);
    Path slot = Files.createDirectories(scandir.resolve("gateway-coder/supervise"));
    status = Files.write(slot.resolve("status"), new byte[35]);
    setModified(status, 1_000);
    wall.set(TimeUnit.SECONDS.toNanos(1_000) + TimeUnit.SECONDS.toNanos(5));
    runner.answer = c -> new CommandResult(0, "true true true true 4242 -1 NA 17\n", "");
  }

  private long svstatCalls() {
    return runner.commands.stream().filter(c -> c.contains("s6-svstat")).count();
  }

  @Test
  void anUnchangedSettledStatusIsReadOnceAndAgesWithTime() {
    GatewayStatus first = cache.status("coder");
    monotonic.addAndGet(TimeUnit.SECONDS.toNanos(3));
    GatewayStatus second = cache.status("coder");
    assertThat(svstatCalls()).isEqualTo(1);
    assertThat(first.sinceSeconds()).isEqualTo(17);
    assertThat(second.sinceSeconds()).isEqualTo(20);
    assertThat(second.pid()).isEqualTo(4242);
  }

  @Test
  void aViewThatWatchesFilesStatsTheStatusFileS6RewritesOnEveryChange() {
    assertThat(cache.watchedFiles("coder")).containsExactly(status);
  }

  @Test
  void aRewrittenStatusFileIsReadAgain() throws IOException {
    cache.status("coder");
    setModified(status, 1_002);
    wall.addAndGet(TimeUnit.SECONDS.toNanos(5));
    cache.status("coder");
    assertThat(svstatCalls()).isEqualTo(2);
  }

  @Test
  void aFailureRecordWrittenByFinishIsNoticed() throws IOException {
    cache.status("coder");
    Path failure = Files.writeString(scandir.resolve("gateway-coder/hermes-failure"), "x\n");
    setModified(failure, 1_001);
    cache.status("coder");
    assertThat(svstatCalls()).isEqualTo(2);
  }

  @Test
  void aStatusThatChangedWithinTheLastSecondIsNotKept() throws IOException {
    setModified(status, 1_004.5);
    cache.status("coder");
    cache.status("coder");
    assertThat(svstatCalls()).isEqualTo(2);
  }

  @Test
  void nothingIsKeptForASlotThatIsNotSupervisedYet() throws IOException {
    Files.delete(status);
    cache.status("coder");
    cache.status("coder");
    assertThat(svstatCalls()).isEqualTo(2);
  }

  @Test
  void keptStatusesAreReadAgainAfterTheMaximumAge() {
    cache.status("coder");
    monotonic.addAndGet(S6StatusCache.MAX_AGE.toNanos());
    cache.status("coder");
    assertThat(svstatCalls()).isEqualTo(2);
  }

  private static void setModified(Path file, double epochSeconds) throws IOException {
    Files.setLastModifiedTime(
        file, FileTime.from(Instant.ofEpochMilli((long) (epochSeconds * 1000))));
  }
}

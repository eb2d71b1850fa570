package dev.hermes.cli.top;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.ProcessUsageReader;
import dev.hermes.supervision.GatewayOverview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessColumnsTest {
  @TempDir Path proc;
  private final AtomicLong nanos = new AtomicLong();

  /** A process that used {@code utime + stime} CPU ticks and has {@code rssKb} resident. */
  private void process(int pid, long utime, long stime, long rssKb) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
    Files.writeString(
        dir.resolve("stat"),
        pid
            + " (java) S 1 1 1 0 -1 0 0 0 0 0 "
            + utime
            + " "
            + stime
            + " 0 0 20 0 30 0 100 0 0 0 0 0 0\n");
    Files.writeString(dir.resolve("status"), "Name:\tjava\nVmRSS:\t" + rssKb + " kB\n");
  }

  @Test
  void cpuIsTheShareBetweenTwoReadingsOfTheSameProcessAndMemoryIsInBinaryUnits()
      throws IOException {
    ProcessColumns columns = new ProcessColumns(new ProcessUsageReader(proc, nanos::get));
    GatewayOverview a = TopRendererTest.ready("default", 4242, 8642);
    GatewayOverview down = TopRendererTest.down("notes", 8644);
    process(4242, 100, 50, 189_440);

    columns.sample(List.of(a, down));
    // One reading: no interval yet.
    assertThat(columns.cells().get("default")).containsExactly("-", "185M");
    assertThat(columns.cells()).doesNotContainKey("notes");

    // 2 s later, 60 more ticks (0.6 s of CPU): 30 % of one CPU.
    process(4242, 140, 70, 2_000_000);
    nanos.addAndGet(2_000_000_000L);
    columns.sample(List.of(a, down));
    assertThat(columns.cells().get("default")).containsExactly("30.0", "1.9G");

    // Restarted as another process: a first reading again, never a rate across two processes.
    process(4343, 1, 1, 512);
    nanos.addAndGet(1_000_000_000L);
    columns.sample(List.of(TopRendererTest.ready("default", 4343, 8642)));
    assertThat(columns.cells().get("default")).containsExactly("-", "512K");
  }

  @Test
  void aProcessProcCannotShowHasNoCells() {
    ProcessColumns columns = new ProcessColumns(new ProcessUsageReader(proc, nanos::get));
    columns.sample(List.of(TopRendererTest.ready("default", 4242, 8642)));
    assertThat(columns.cells()).isEmpty();
  }
}

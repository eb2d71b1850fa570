package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessUsageReaderTest {
  private static final String STAT =
      "4711 (java (gateway) x) S 1 4711 4711 0 -1 4194560 21398 0 3 0 1234 567 0 0 20 0 31 0"
          + " 250000 4087074816 46398 18446744073709551615 1 1 0 0 0 0 4 1 1096 0 0 0 17 1 0 0"
          + " 0 0 0\n";

  @TempDir Path proc;

  private ProcessUsageReader fixture() {
    return new ProcessUsageReader(proc, () -> 42L);
  }

  private void write(String file, String text) throws IOException {
    Path path = proc.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text, StandardCharsets.ISO_8859_1);
  }

  @Test
  void cpuIsUserPlusSystemTicksAndMemoryIsTheResidentSizeOfStatus() throws IOException {
    write("stat", "cpu  1 2 3\nbtime 1700000000\nprocesses 9\n");
    write("4711/stat", STAT);
    write("4711/status", "Name:\tjava\nVmPeak:\t 999 kB\nVmRSS:\t  185592 kB\nThreads:\t31\n");
    ProcessUsage usage = fixture().read(4711).orElseThrow();
    assertThat(usage.cpuSeconds()).isEqualTo(18.01);
    assertThat(usage.rssBytes()).isEqualTo(185592L * 1024);
    assertThat(usage.startEpochSeconds()).isEqualTo(1700000000L + 2500);
    assertThat(usage.takenNanos()).isEqualTo(42);
  }

  @Test
  void aStatusWithoutTheResidentSizeLeavesItUnknown() throws IOException {
    // A kernel thread's status has no Vm lines.
    write("4711/stat", STAT);
    write("4711/status", "Name:\tkworker/0:1\nState:\tI (idle)\n");
    assertThat(fixture().read(4711).orElseThrow().rssBytes()).isEqualTo(-1);
  }

  @Test
  void unreadableMemoryOrBootTimeLeavesThoseUnknownButKeepsTheCpu() throws IOException {
    write("4711/stat", STAT);
    ProcessUsage usage = fixture().read(4711).orElseThrow();
    assertThat(usage.cpuSeconds()).isEqualTo(18.01);
    assertThat(usage.rssBytes()).isEqualTo(-1);
    assertThat(usage.startEpochSeconds()).isEqualTo(-1);
  }

  @Test
  void aVanishedProcessAMissingProcOrGarbageIsUnknown() throws IOException {
    assertThat(fixture().read(4711)).isEmpty();
    assertThat(new ProcessUsageReader(proc.resolve("none"), System::nanoTime).read(1)).isEmpty();
    assertThat(fixture().read(-1)).isEmpty();
    write("7/stat", "7 (x) S 1 2 3\n");
    assertThat(fixture().read(7)).isEmpty();
    write("8/stat", STAT.replace(" 1234 567 ", " many few "));
    assertThat(fixture().read(8)).isEmpty();
  }

  @Test
  void theTestJvmReadsItselfPlausibly() {
    assumeThat(Files.isDirectory(Path.of("/proc/self"))).as("a Linux /proc").isTrue();
    long pid = ProcessHandle.current().pid();
    ProcessUsage usage = ProcessUsageReader.system().read(pid).orElseThrow();
    // This JVM has compiled and run tests: some CPU, at least a few MB resident.
    assertThat(usage.cpuSeconds()).isPositive();
    assertThat(usage.rssBytes()).isGreaterThan(8L << 20);
    Optional<Instant> started = ProcessHandle.current().info().startInstant();
    assumeThat(started).isPresent();
    assertThat(usage.startEpochSeconds())
        .isBetween(started.get().getEpochSecond() - 2, started.get().getEpochSecond() + 2);
  }

  @Test
  void aProcessThatIsGoneIsUnknownNotAnError() throws Exception {
    assumeThat(Files.isDirectory(Path.of("/proc/self"))).as("a Linux /proc").isTrue();
    Process child = new ProcessBuilder("true").start();
    long pid = child.pid();
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessUsageReader.system().read(pid)).isEmpty();
  }

  @Test
  void theTickRateIsThisMachinesUserHz() throws Exception {
    Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
    String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeThat(getconf.waitFor()).as("getconf CLK_TCK").isZero();
    assertThat(out.strip()).isEqualTo(Integer.toString(ProcessUsageReader.TICKS_PER_SECOND));
  }

  @Test
  void cpuPercentIsTheCpuTimeUsedOverTheWallTimeBetweenTwoReadings() {
    ProcessUsage before = new ProcessUsage(10.0, 1, -1, 0);
    ProcessUsage after = new ProcessUsage(10.5, 1, -1, 2_000_000_000L);
    assertThat(after.cpuPercentSince(before)).isEqualTo(25.0);
    assertThat(before.cpuPercentSince(before)).isEqualTo(-1);
    assertThat(before.cpuPercentSince(after)).isEqualTo(-1);
  }
}

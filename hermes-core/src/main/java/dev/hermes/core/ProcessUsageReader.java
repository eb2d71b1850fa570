package dev.hermes.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Reads a process's CPU time and memory from Linux's {@code /proc}, cheaply enough for the
 * dashboard and the terminal view to sample every gateway at every refresh: two small files per
 * process, no process spawned.
 *
 * <ul>
 *   <li>CPU: {@code utime + stime} (fields 14 and 15 of {@code /proc/PID/stat}), in clock ticks of
 *       {@value #TICKS_PER_SECOND} per second. The kernel reports these in USER_HZ, which is 100 on
 *       every architecture Linux builds for today ({@code getconf CLK_TCK}); reading it would mean
 *       running a program or parsing the auxiliary vector for one constant.
 *   <li>Memory: {@code VmRSS} of {@code /proc/PID/status}, in kB (so no page size is needed, unlike
 *       {@code statm}). Not {@code smaps_rollup}: its {@code Rss} and {@code Pss} are exact, but
 *       the kernel walks every page table to add them up, about 0.4 ms for a gateway's JVM of 80 MB
 *       against 0.01 ms for {@code status}, whose counters it keeps as it goes: 200 gateways at
 *       every refresh would cost 80 ms instead of 2.
 *   <li>Start time: field 22 of {@code stat} (ticks after boot) plus {@code btime} of {@code
 *       /proc/stat}, read once.
 * </ul>
 *
 * A process that is gone, a {@code /proc} that does not exist (macOS, Windows) or a file that does
 * not parse gives {@link Optional#empty()}: the views show "unknown", never an error.
 */
public final class ProcessUsageReader {
  /** USER_HZ: the unit of the tick counts in {@code /proc/PID/stat}. */
  public static final int TICKS_PER_SECOND = 100;

  // After the ")" that ends the command name: field 3 (state) is index 0.
  private static final int UTIME = 14 - 3;
  private static final int STIME = 15 - 3;
  private static final int STARTTIME = 22 - 3;

  private final Path proc;
  private final LongSupplier nanos;
  // Read at the first sample; a race only reads it twice.
  private volatile long bootEpochSeconds = Long.MIN_VALUE;

  /**
   * @param proc where procfs is mounted ({@code /proc}; a fixture directory in tests)
   */
  public ProcessUsageReader(Path proc, LongSupplier nanos) {
    this.proc = proc;
    this.nanos = nanos;
  }

  /** The reader of this machine's {@code /proc}. */
  public static ProcessUsageReader system() {
    return new ProcessUsageReader(Path.of("/proc"), System::nanoTime);
  }

  /** The process's usage now, or empty when it is unknown (no such process, no procfs). */
  public Optional<ProcessUsage> read(long pid) {
    if (pid <= 0) {
      return Optional.empty();
    }
    Path dir = proc.resolve(Long.toString(pid));
    try {
      long taken = nanos.getAsLong();
      String[] stat = statFields(read(dir.resolve("stat")));
      if (stat.length <= STARTTIME) {
        return Optional.empty();
      }
      long ticks = Long.parseLong(stat[UTIME]) + Long.parseLong(stat[STIME]);
      long boot = bootEpochSeconds();
      long start = boot < 0 ? -1 : boot + Long.parseLong(stat[STARTTIME]) / TICKS_PER_SECOND;
      return Optional.of(
          new ProcessUsage(ticks / (double) TICKS_PER_SECOND, residentBytes(dir), start, taken));
    } catch (IOException | RuntimeException e) {
      // Gone between the listing and the read (ESRCH, ENOENT), not ours to read (EACCES), or a
      // kernel whose format we do not know: unknown, never an error in a view.
      return Optional.empty();
    }
  }

  /** Resident bytes, or -1 when they could not be read. */
  private long residentBytes(Path dir) {
    try {
      return kilobytes(read(dir.resolve("status")), "VmRSS:");
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private long bootEpochSeconds() {
    if (bootEpochSeconds == Long.MIN_VALUE) {
      long boot;
      try {
        boot = field(read(proc.resolve("stat")), "btime");
      } catch (IOException | RuntimeException e) {
        boot = -1;
      }
      bootEpochSeconds = boot;
    }
    return bootEpochSeconds;
  }

  /** The fields after the command name, which is in parentheses and may hold spaces and ")". */
  static String[] statFields(String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      return new String[0];
    }
    return stat.substring(end + 1).strip().split(" +");
  }

  /** The number after {@code key} at the start of a line, times 1024 (the files say kB); or -1. */
  static long kilobytes(String text, String key) {
    long kb = field(text, key);
    return kb < 0 ? -1 : kb * 1024;
  }

  /** The first number after {@code key} at the start of a line, or -1 when no line has it. */
  static long field(String text, String key) {
    int at = text.startsWith(key) ? 0 : text.indexOf("\n" + key);
    if (at < 0) {
      return -1;
    }
    int i = text.indexOf(key, at) + key.length();
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    int j = i;
    while (j < text.length() && Character.isDigit(text.charAt(j))) {
      j++;
    }
    return j == i ? -1 : Long.parseLong(text.substring(i, j));
  }

  private static String read(Path file) throws IOException {
    // procfs files report size 0; readAllBytes reads to the end regardless.
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
  }
}

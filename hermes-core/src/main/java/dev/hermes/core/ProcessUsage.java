package dev.hermes.core;

/**
 * One reading of a running process's CPU and memory, as {@link ProcessUsageReader} takes it from
 * {@code /proc}.
 *
 * @param cpuSeconds user plus system CPU time since the process started
 * @param rssBytes resident memory, or -1 when the kernel would not say
 * @param startEpochSeconds when the process started, in seconds since the epoch, or -1 when the
 *     boot time could not be read
 * @param takenNanos {@link System#nanoTime} when it was read, for a rate between two readings
 */
public record ProcessUsage(
    double cpuSeconds, long rssBytes, long startEpochSeconds, long takenNanos) {

  /**
   * The share of one CPU this process used between {@code earlier} and this reading, in percent
   * (above 100 when it kept several CPUs busy), or -1 when there is no interval to divide by.
   */
  public double cpuPercentSince(ProcessUsage earlier) {
    long nanos = takenNanos - earlier.takenNanos;
    if (nanos <= 0 || cpuSeconds < earlier.cpuSeconds) {
      return -1;
    }
    return (cpuSeconds - earlier.cpuSeconds) * 100.0 / (nanos / 1e9);
  }
}

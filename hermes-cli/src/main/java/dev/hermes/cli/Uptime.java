package dev.hermes.cli;

/** Compact durations for tables: 45s, 3m12s, 2h05m, 3d04h. */
public final class Uptime {
  private Uptime() {}

  public static String format(long seconds) {
    if (seconds < 0) {
      return "-";
    }
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds / 60 + "m" + pad(seconds % 60) + "s";
    }
    if (seconds < 86400) {
      return seconds / 3600 + "h" + pad(seconds % 3600 / 60) + "m";
    }
    return seconds / 86400 + "d" + pad(seconds % 86400 / 3600) + "h";
  }

  private static String pad(long value) {
    return value < 10 ? "0" + value : Long.toString(value);
  }
}

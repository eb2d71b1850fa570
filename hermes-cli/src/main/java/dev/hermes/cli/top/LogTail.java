package dev.hermes.cli.top;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last lines of a log file, read from its end: a gateway's {@code current} log grows to 1 MB
 * before s6-log rotates it, and the view rereads it every second.
 */
final class LogTail {
  /** Enough for any screen; more is never shown. */
  static final int MAX_BYTES = 64 * 1024;

  private LogTail() {}

  /** Up to {@code count} complete last lines (a partial first line in the window is dropped). */
  static List<String> read(Path file, int count) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      in.seek(length - size);
      in.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      if (size < length && !lines.isEmpty()) {
        lines.remove(0);
      }
      return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
  }
}

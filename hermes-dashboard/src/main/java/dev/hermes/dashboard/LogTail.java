package dev.hermes.dashboard;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of a log file, read backwards from its end: s6-log's {@code current} can hold a
 * megabyte, and the page asks for it every few seconds. Reads at most {@link #MAX_BYTES}.
 */
final class LogTail {
  static final int MAX_BYTES = 256 * 1024;
  private static final int CHUNK = 8192;

  private LogTail() {}

  /** Up to {@code count} last lines, oldest first; empty when the file does not exist. */
  static List<String> last(Path file, int count) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long end = in.length();
      long start = end;
      int newlines = 0;
      byte[] chunk = new byte[CHUNK];
      // Scan back until we have seen count+1 line ends (the last one may end the file).
      while (start > 0 && newlines <= count && end - start < MAX_BYTES) {
        int n = (int) Math.min(CHUNK, start);
        start -= n;
        in.seek(start);
        in.readFully(chunk, 0, n);
        for (int i = n - 1; i >= 0; i--) {
          if (chunk[i] == '\n') {
            newlines++;
          }
        }
      }
      byte[] tail = new byte[(int) (end - start)];
      in.seek(start);
      in.readFully(tail);
      String text = new String(tail, StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      if (start > 0 && !lines.isEmpty()) {
        lines.remove(0); // began mid-line
      }
      return lines.size() > count ? lines.subList(lines.size() - count, lines.size()) : lines;
    }
  }
}

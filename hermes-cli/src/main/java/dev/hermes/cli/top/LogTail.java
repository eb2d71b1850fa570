package dev.hermes.cli.top;

import dev.hermes.core.OwnFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
    // Never through a link: the log lives in the tenant's HERMES_HOME (see OwnFiles).
    try (FileChannel in = OwnFiles.openForReading(file)) {
      long length = in.size();
      int size = (int) Math.min(length, MAX_BYTES);
      ByteBuffer buffer = ByteBuffer.allocate(size);
      while (buffer.hasRemaining() && in.read(buffer, length - size + buffer.position()) >= 0) {
        // Positional reads until the window is full or the file ends (it was truncated).
      }
      byte[] bytes = Arrays.copyOf(buffer.array(), buffer.position());
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

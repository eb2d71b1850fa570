package dev.hermes.core;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of a log file, read backwards from its end: s6-log's {@code current} grows to a
 * megabyte before it is rotated, and the dashboard page and the terminal view reread it every few
 * seconds. Only the chunks that hold the lines asked for are read, and never more than {@link
 * #MAX_BYTES}.
 */
public final class LogTail {
  /**
   * More than any page or screen shows (500 lines of 500 bytes); the bound is for one huge line,
   * which is cut to its end instead of loaded whole.
   */
  public static final int MAX_BYTES = 256 * 1024;

  private static final int CHUNK = 8192;

  private LogTail() {}

  /**
   * Up to {@code count} last complete lines, oldest first, without their {@code \n} or {@code
   * \r\n}: a line cut by the read limit is dropped. Empty when the file does not exist.
   *
   * @throws FileRefusedException when it is a symbolic link or not a regular file
   */
  public static List<String> last(Path file, int count) throws IOException {
    if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    // Never through a link: the log lives in the tenant's HERMES_HOME (see OwnFiles).
    try (FileChannel in = OwnFiles.openForReading(file)) {
      long end = in.size();
      long start = end;
      int newlines = 0;
      byte[] chunk = new byte[CHUNK];
      // Scan back until we have seen count+1 line ends (the last one may end the file).
      while (start > 0 && newlines <= count && end - start < MAX_BYTES) {
        int n = (int) Math.min(CHUNK, start);
        start -= n;
        readFully(in, ByteBuffer.wrap(chunk, 0, n), start);
        for (int i = n - 1; i >= 0; i--) {
          if (chunk[i] == '\n') {
            newlines++;
          }
        }
      }
      byte[] tail = new byte[(int) (end - start)];
      readFully(in, ByteBuffer.wrap(tail), start);
      String text = new String(tail, StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      if (start > 0 && !lines.isEmpty()) {
        lines.remove(0); // began mid-line
      }
      return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
  }

  private static void readFully(FileChannel in, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (in.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("the log was truncated while being read");
      }
    }
  }
}

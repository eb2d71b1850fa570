package dev.hermes.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * {@code hermes-log-dropped} in a gateway's s6 slot: how many log lines the running gateway has
 * lost because its log would not take them, for status and {@code /metrics}. The gateway finds the
 * file through {@value #VARIABLE}, which the slot's {@code run} sets.
 *
 * <p>Lines are lost when the logger stops reading, most often because its disk is full, and the
 * slot may well be on that disk. So the file is written in place and never grows: created at start
 * with a fixed-width number and forced to disk, so that its block is allocated while there is room,
 * then each count overwrites the same {@value #WIDTH} bytes, which needs no new block (a write to a
 * sibling and a rename would). A reader sees the whole of one count: the bytes sit in one page, and
 * a width that never changes leaves nothing of an older, longer one.
 *
 * <p>Written at most once a second while lines are being dropped ({@link #update}), and at once
 * when the log takes lines again or closes ({@link #flush}): a flood of dropped lines costs no more
 * than a write a second.
 */
public final class DropCountFile implements AutoCloseable {
  public static final String NAME = "hermes-log-dropped";
  public static final String VARIABLE = "HERMES_LOG_DROPPED_FILE";

  /** The digits of the largest long, right-aligned, then a newline. */
  static final int WIDTH = 20;

  private static final long INTERVAL_NANOS = 1_000_000_000L;

  private final FileChannel channel;
  private long written;
  private long lastWrite;

  private DropCountFile(FileChannel channel) {
    this.channel = channel;
    this.lastWrite = System.nanoTime() - INTERVAL_NANOS;
  }

  /**
   * The file {@value #VARIABLE} names, created (or emptied) with a count of 0; empty when unset, or
   * when it cannot be written ({@code warn} says why).
   */
  public static Optional<DropCountFile> open(
      Map<String, String> environment, Consumer<String> warn) {
    String value = environment.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Path file = Path.of(value);
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
      channel.write(ByteBuffer.wrap(text(0)), 0);
      channel.force(false);
      return Optional.of(new DropCountFile(channel));
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      warn.accept(
          "could not keep the count of dropped log lines in " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Records {@code count} unless the last write was less than a second ago. */
  public synchronized void update(long count) {
    if (System.nanoTime() - lastWrite >= INTERVAL_NANOS) {
      flush(count);
    }
  }

  /** Records {@code count} now, when it differs from the one recorded. */
  public synchronized void flush(long count) {
    if (count == written || !channel.isOpen()) {
      return;
    }
    try {
      channel.write(ByteBuffer.wrap(text(count)), 0);
      written = count;
      lastWrite = System.nanoTime();
    } catch (IOException e) {
      // The count is also on the gateway's own /status; the next change tries again.
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly(channel);
  }

  /** The recorded count; empty when there is no file or it holds no count. */
  public static OptionalLong read(Path file) {
    try {
      String text = OwnFiles.readText(file, OwnFiles.LINE_LIMIT).strip();
      return text.matches("\\d{1,18}")
          ? OptionalLong.of(Long.parseLong(text))
          : OptionalLong.empty();
    } catch (IOException | HermesException e) {
      return OptionalLong.empty();
    }
  }

  static byte[] text(long count) {
    String digits = Long.toString(count);
    return (" ".repeat(WIDTH - 1 - digits.length()) + digits + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing was pending: every write went out with its own call.
      }
    }
  }
}

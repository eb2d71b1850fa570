package dev.hermes.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Notices that a set of files changed by their size and modification time alone: a stat per file,
 * so that the event stream can look every 100 ms and compute the overview only when something
 * moved. Which files to watch is asked again at each {@link #relist}, since profiles come and go.
 */
final class FileStamps {
  private final Supplier<List<Path>> files;
  private List<Path> watched = List.of();
  private long[] stamps;

  FileStamps(Supplier<List<Path>> files) {
    this.files = files;
  }

  /** Asks for the files to watch again and takes their stamps. */
  void relist() {
    watched = files.get();
    stamps = read(watched);
  }

  /** True when some watched file changed since the last call (or {@link #relist}). */
  boolean changed() {
    if (stamps == null) {
      return true;
    }
    long[] now = read(watched);
    boolean changed = !Arrays.equals(now, stamps);
    stamps = now;
    return changed;
  }

  /** Forgets the stamps: the next {@link #changed} says true. */
  void forget() {
    stamps = null;
  }

  private static long[] read(List<Path> files) {
    long[] stamps = new long[files.size() * 2];
    for (int i = 0; i < files.size(); i++) {
      try {
        BasicFileAttributes a =
            Files.readAttributes(
                files.get(i), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        stamps[2 * i] = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        stamps[2 * i + 1] = a.size();
      } catch (IOException e) {
        stamps[2 * i] = -1;
        stamps[2 * i + 1] = -1;
      }
    }
    return stamps;
  }
}

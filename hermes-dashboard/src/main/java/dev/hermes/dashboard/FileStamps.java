package dev.hermes.dashboard;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Notices that a set of files changed by their size and modification time alone: a stat per file,
 * so that the event stream can look every 100 ms and compute the overview only when something
 * moved. Which files to watch is asked again at each {@link #relist}, since profiles come and go.
 *
 * <p>Through {@link File#lastModified} and {@link File#length}: two stats that allocate nothing,
 * where {@code Files.readAttributes} makes objects for every file ten times a second, garbage that
 * kept the heap of an idle dashboard larger. A missing file reads as 0 and 0, which is a stamp too.
 * A symbolic link is followed here: only whether something changed is taken from it, never what a
 * file holds.
 */
final class FileStamps {
  private final Supplier<List<Path>> files;
  private File[] watched = new File[0];
  private long[] stamps;
  private long[] next = new long[0];

  FileStamps(Supplier<List<Path>> files) {
    this.files = files;
  }

  /** Asks for the files to watch again and takes their stamps. */
  void relist() {
    watched = files.get().stream().map(Path::toFile).toArray(File[]::new);
    stamps = new long[watched.length * 2];
    next = new long[watched.length * 2];
    read(stamps);
  }

  /** True when some watched file changed since the last call (or {@link #relist}). */
  boolean changed() {
    if (stamps == null) {
      return true;
    }
    read(next);
    boolean changed = !Arrays.equals(next, stamps);
    long[] previous = stamps;
    stamps = next;
    next = previous;
    return changed;
  }

  /** Forgets the stamps: the next {@link #changed} says true. */
  void forget() {
    stamps = null;
  }

  private void read(long[] into) {
    for (int i = 0; i < watched.length; i++) {
      into[2 * i] = watched[i].lastModified();
      into[2 * i + 1] = watched[i].length();
    }
  }
}

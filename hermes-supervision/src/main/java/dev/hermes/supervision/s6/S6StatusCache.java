package dev.hermes.supervision.s6;

import dev.hermes.core.DeathFile;
import dev.hermes.core.DropCountFile;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.StatusCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Gateway statuses for views that ask about every gateway every second (the dashboard): one {@code
 * s6-svstat} per gateway per poll would cost 200 process starts a second for 200 profiles. s6
 * itself stays the only parser of its state; this class only notices when there can be nothing new
 * to parse.
 *
 * <p>s6-supervise rewrites {@code supervise/status} on every change of state (up, down, ready,
 * finishing), the finish script writes {@code hermes-failure}, {@code hermes-restarts} and {@code
 * hermes-death}, and the gateway {@code hermes-log-dropped}. A status is reused while none of these
 * files (nor {@code down}) has changed identity, size or modification time. File times are coarse,
 * so a status read within {@link #SETTLE} of a file's last change is not kept: a second write in
 * the same clock tick could otherwise go unnoticed (the "racily clean" problem git solves the same
 * way). Kept statuses are also refreshed after {@link #MAX_AGE} whatever the files say.
 */
public final class S6StatusCache implements StatusCache {
  static final Duration SETTLE = Duration.ofSeconds(1);
  static final Duration MAX_AGE = Duration.ofSeconds(30);
  private static final List<String> WATCHED =
      List.of(
          "supervise/status",
          HoldFile.NAME,
          BackoffFile.NAME,
          "hermes-restarts",
          DeathFile.NAME,
          DropCountFile.NAME,
          "down");

  private record FileStamp(Object key, long modifiedNanos, long size) {
    static final FileStamp ABSENT = new FileStamp(null, -1, -1);

    // Written out: a record's own equals is linked through invokedynamic on its first call, which
    // in the dashboard (the one long-lived user) spins method-handle classes and compiles the
    // class-file generator, native memory it keeps for good, minutes into its life.
    @Override
    public boolean equals(Object other) {
      return other instanceof FileStamp s
          && modifiedNanos == s.modifiedNanos
          && size == s.size
          && Objects.equals(key, s.key);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, modifiedNanos, size);
    }
  }

  private record Entry(List<FileStamp> stamps, GatewayStatus status, long takenNanos) {}

  private final S6ServiceManager s6;
  private final LongSupplier monotonicNanos;
  private final LongSupplier wallClockNanos;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public S6StatusCache(S6ServiceManager s6) {
    this(s6, System::nanoTime, () -> TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()));
  }

  S6StatusCache(S6ServiceManager s6, LongSupplier monotonicNanos, LongSupplier wallClockNanos) {
    this.s6 = s6;
    this.monotonicNanos = monotonicNanos;
    this.wallClockNanos = wallClockNanos;
  }

  @Override
  public GatewayStatus status(String profile) {
    Path slot = s6.slot(profile);
    List<FileStamp> stamps = stamps(slot);
    long now = monotonicNanos.getAsLong();
    Entry entry = entries.get(profile);
    if (stamps.get(0) != FileStamp.ABSENT
        && entry != null
        && entry.stamps().equals(stamps)
        && now - entry.takenNanos() < MAX_AGE.toNanos()) {
      return aged(entry.status(), now - entry.takenNanos());
    }
    // The stamps are taken before asking s6: a change after this point shows up as new stamps.
    GatewayStatus fresh = s6.status(profile);
    if (stamps.get(0) != FileStamp.ABSENT && settled(stamps)) {
      entries.put(profile, new Entry(stamps, fresh, now));
    } else {
      entries.remove(profile);
    }
    return fresh;
  }

  /**
   * {@code supervise/status} alone: s6-supervise rewrites it on every change of state, also after
   * the finish script (which writes the hold, backoff and restart files) has run.
   */
  @Override
  public List<Path> watchedFiles(String profile) {
    return List.of(s6.slot(profile).resolve(WATCHED.get(0)));
  }

  @Override
  public void clear() {
    entries.clear();
  }

  private boolean settled(List<FileStamp> stamps) {
    long limit = wallClockNanos.getAsLong() - SETTLE.toNanos();
    return stamps.stream().allMatch(s -> s.modifiedNanos() < limit);
  }

  private static List<FileStamp> stamps(Path slot) {
    return WATCHED.stream().map(name -> stamp(slot.resolve(name))).toList();
  }

  private static FileStamp stamp(Path file) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return new FileStamp(
          Objects.requireNonNullElse(a.fileKey(), file),
          a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
          a.size());
    } catch (IOException e) {
      return FileStamp.ABSENT;
    }
  }

  /** The same status, its up/down time moved on by the time since it was read. */
  private static GatewayStatus aged(GatewayStatus s, long elapsedNanos) {
    if (s.sinceSeconds() < 0 && s.backoffSeconds() <= 0) {
      return s;
    }
    long elapsed = TimeUnit.NANOSECONDS.toSeconds(elapsedNanos);
    return s.toBuilder()
        .since(s.sinceSeconds() < 0 ? -1 : s.sinceSeconds() + elapsed)
        .backoff(s.backoffSeconds() < 0 ? -1 : Math.max(0, s.backoffSeconds() - elapsed))
        .build();
  }
}

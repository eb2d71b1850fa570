package dev.hermes.core.audit;

import dev.hermes.core.AtomicFiles;
import dev.hermes.core.ConfigKey;
import dev.hermes.core.FileStatus;
import dev.hermes.core.HermesHome;
import dev.hermes.core.OwnFiles;
import dev.hermes.core.PidLock;
import dev.hermes.core.ProcessUser;
import dev.hermes.core.ProfileConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * {@code $HERMES_HOME/logs/audit.jsonl}: appends one {@link AuditEvent} per line and reads them
 * back, the rotated files first.
 *
 * <p>Each line is one {@code write()} on a descriptor opened {@code O_APPEND}, so writers in
 * several processes (the CLI, the dashboard, the finish scripts' {@code printf >>}) never
 * interleave, and a process killed mid-append leaves the whole line or none of it. Only this class
 * rotates: once the file is past its cap (looked at every {@link #CAP_STEP} of growth) ({@link
 * ConfigKey#AUDIT_MAX_BYTES}, default {@link #DEFAULT_MAX_BYTES}) it becomes {@code audit.jsonl.1},
 * the older ones move up to {@code .}{@value #KEPT}, and the oldest is dropped; rotators take
 * {@code audit.jsonl.lock} first, so two never rename at once. A writer that opened the file just
 * before a rotation appends to {@code .1}: its line is kept all the same.
 *
 * <p>An audit write never fails the command it records: a failure is said once, through the warning
 * sink, and the command carries on.
 */
public final class AuditLog {
  public static final String FILE_NAME = "audit.jsonl";
  public static final long DEFAULT_MAX_BYTES = OwnFiles.MB;

  /**
   * A smaller configured cap is raised to this. It also spares an append under it from reading
   * config.yaml for the cap, which would cost more than the append itself.
   */
  public static final long MIN_MAX_BYTES = 64 * OwnFiles.KB;

  /**
   * The file is checked against its cap each time it grows past a multiple of this: a cap is met at
   * the first such mark past it (exactly, for the default and any multiple of 64 KiB).
   */
  static final long CAP_STEP = MIN_MAX_BYTES;

  /** Rotated files kept: {@code audit.jsonl.1} (newest) to {@code audit.jsonl.3}. */
  public static final int KEPT = 3;

  /** A file that grew past this (the shell side never rotates) is read from its last part. */
  static final long READ_LIMIT = 8 * OwnFiles.MB;

  private static final Duration LOCK_WAIT = Duration.ofMillis(500);

  private static final Set<OpenOption> APPEND_OPTIONS =
      Set.of(
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          StandardOpenOption.APPEND,
          LinkOption.NOFOLLOW_LINKS);

  private final Path file;
  private final Path home;
  private final LongSupplier maxBytes;
  private final Clock clock;
  private final Consumer<String> warn;
  private final AtomicBoolean warned = new AtomicBoolean();

  AuditLog(Path file, Path home, LongSupplier maxBytes, Clock clock, Consumer<String> warn) {
    this.file = file;
    this.home = home;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.warn = warn;
  }

  /**
   * The home's audit log; the cap comes from the home's config.yaml, read only once the file is big
   * enough for it to matter. {@code warn} hears the first failure to append, nothing after.
   */
  public static AuditLog of(HermesHome home, Consumer<String> warn) {
    return new AuditLog(
        home.logsDir().resolve(FILE_NAME),
        home.root(),
        new ConfiguredCap(home),
        Clock.systemUTC(),
        warn);
  }

  /**
   * {@link ConfigKey#AUDIT_MAX_BYTES} from the home's config.yaml. A class rather than a lambda: a
   * lambda's first call site is linked at run time, which costs a command more than its append.
   */
  private record ConfiguredCap(HermesHome home) implements LongSupplier {
    @Override
    public long getAsLong() {
      return configuredCap(home);
    }
  }

  public Path file() {
    return file;
  }

  /** Appends an event that happens now, written by this process. Never throws. */
  public void record(
      String profile, AuditAction action, Actor actor, String reason, String result) {
    try {
      append(
          new AuditEvent(
              clock.instant(),
              profile,
              action,
              actor,
              ProcessUser.uid(),
              System.getProperty("user.name", ""),
              reason,
              result));
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /**
   * Makes {@code change} and records it as done now: {@code ok} once it returned, or {@code failed:
   * why} when it threw, which it then throws on. The audit write itself never throws.
   */
  public void recorded(
      String profile, AuditAction action, Actor actor, String reason, Runnable change) {
    try {
      change.run();
    } catch (RuntimeException e) {
      record(profile, action, actor, reason, AuditEvent.failure(e));
      throw e;
    }
    record(profile, action, actor, reason, "ok");
  }

  /** Appends one line, rotating afterwards when the file is past its cap. Never throws. */
  public void append(AuditEvent event) {
    try {
      byte[] line = event.toLine();
      long size = write(line);
      // The cap is looked at only when the file grows past a multiple of CAP_STEP: reading it
      // parses config.yaml, some 15 ms in a fresh JVM, which this way one append in hundreds pays.
      if (size > MIN_MAX_BYTES
          && (size - line.length) / CAP_STEP != size / CAP_STEP
          && size > cap()) {
        rotate();
      }
    } catch (IOException | RuntimeException e) {
      failed(e);
    }
  }

  /** Every event of every profile, oldest first: the rotated files, oldest first, then the file. */
  public List<AuditEvent> read() {
    List<AuditEvent> events = new ArrayList<>();
    for (int i = KEPT; i >= 0; i--) {
      readInto(i == 0 ? file : rotated(i), events);
    }
    return events;
  }

  /** The events of one profile, oldest first. */
  public List<AuditEvent> read(String profile) {
    return read().stream().filter(e -> e.profile().equals(profile)).toList();
  }

  /** {@code audit.jsonl.N}: 1 the newest rotated file, {@link #KEPT} the oldest. */
  public Path rotated(int n) {
    return file.resolveSibling(FILE_NAME + "." + n);
  }

  private long write(byte[] line) throws IOException {
    // Whether root creates the file (and must give it away) costs a stat only when root writes.
    boolean root = ProcessUser.isRoot();
    boolean existed = root && Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    FileChannel out;
    try {
      out = FileChannel.open(file, APPEND_OPTIONS, AtomicFiles.ownerOnly(file.getParent()));
    } catch (NoSuchFileException e) {
      // The first line of a new HERMES_HOME: logs/ is not there yet.
      Path dir = file.getParent();
      Files.createDirectories(dir);
      giveToHomeOwner(dir);
      out = FileChannel.open(file, APPEND_OPTIONS, AtomicFiles.ownerOnly(file.getParent()));
    }
    try (FileChannel channel = out) {
      if (root && !existed) {
        giveToHomeOwner(file);
      }
      // One write of the whole line: with O_APPEND the kernel puts it at the end in one piece.
      int written = channel.write(ByteBuffer.wrap(line));
      if (written != line.length) {
        throw new IOException("only " + written + " of " + line.length + " bytes written");
      }
      return channel.size();
    }
  }

  private void rotate() throws IOException {
    Path lockFile = file.resolveSibling(FILE_NAME + ".lock");
    boolean lockExisted = Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS);
    Optional<PidLock> lock = PidLock.acquireWithin(lockFile, LOCK_WAIT);
    if (!lockExisted) {
      giveToHomeOwner(lockFile);
    }
    if (lock.isEmpty()) {
      // Another writer is rotating it right now.
      return;
    }
    try (PidLock held = lock.get()) {
      long size;
      try {
        size = Files.size(file);
      } catch (NoSuchFileException e) {
        return;
      }
      // Another writer may have rotated it between this one's append and its lock.
      if (size <= cap()) {
        return;
      }
      for (int i = KEPT - 1; i >= 1; i--) {
        if (Files.exists(rotated(i), LinkOption.NOFOLLOW_LINKS)) {
          AtomicFiles.renameAtomically(rotated(i), rotated(i + 1));
        }
      }
      AtomicFiles.renameAtomically(file, rotated(1));
    }
  }

  private void readInto(Path path, List<AuditEvent> events) {
    try (FileChannel channel = OwnFiles.openForReading(path)) {
      long size = channel.size();
      boolean skipFirst = size > READ_LIMIT;
      if (skipFirst) {
        channel.position(size - READ_LIMIT);
      }
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (skipFirst) {
          // Where reading starts is most likely the middle of a line.
          skipFirst = false;
          continue;
        }
        if (!line.isBlank()) {
          AuditEvent.parse(line).ifPresent(events::add);
        }
      }
    } catch (NoSuchFileException e) {
      // Not written yet, or not rotated yet.
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
    }
  }

  private long cap() {
    return Math.max(MIN_MAX_BYTES, maxBytes.getAsLong());
  }

  private static long configuredCap(HermesHome home) {
    try {
      OptionalInt value =
          ProfileConfig.load(home.root().resolve("config.yaml")).integer(ConfigKey.AUDIT_MAX_BYTES);
      return value.isPresent() && value.getAsInt() > 0 ? value.getAsInt() : DEFAULT_MAX_BYTES;
    } catch (RuntimeException e) {
      // A config.yaml that cannot be read is for doctor to report; the trail keeps its default.
      return DEFAULT_MAX_BYTES;
    }
  }

  /**
   * Root writes here only where the home is root's or by explicit opt-out (HERMES_DOCKER_EXEC_AS_
   * ROOT): a file it creates goes to the home's owner at once, so the owner's own writers (the
   * dashboard, the finish scripts) can still append, and rotate, after it.
   */
  private void giveToHomeOwner(Path path) {
    if (!ProcessUser.isRoot()) {
      return;
    }
    try {
      Optional<FileStatus> owner = FileStatus.of(home);
      Optional<FileStatus> now = FileStatus.of(path);
      if (owner.isEmpty() || now.isEmpty() || now.get().uid() == owner.get().uid()) {
        return;
      }
      Files.setAttribute(path, "unix:uid", owner.get().uid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", owner.get().gid(), LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException e) {
      failed(e);
    }
  }

  private void failed(Exception e) {
    if (warned.compareAndSet(false, true)) {
      warn.accept(
          "could not write the audit trail "
              + file
              + ": "
              + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }
}

package dev.hermes.supervision.s6;

import dev.hermes.core.DeathFile;
import dev.hermes.core.DropCountFile;
import dev.hermes.core.FileTrees;
import dev.hermes.core.HermesException;
import dev.hermes.core.HermesHome;
import dev.hermes.core.OwnFiles;
import dev.hermes.core.ProfileNames;
import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.CommandRunner;
import dev.hermes.supervision.GatewayCommands;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceDirectories;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.ServiceObservation;
import dev.hermes.supervision.StatusCache;
import dev.hermes.supervision.SupervisionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Gateways as s6 service directories ({@code gateway-P}) in a scandir watched by an s6-svscan run
 * as the same user as hermes, so every control FIFO is ours and no root is involved. Slots are
 * published atomically (built in a dot-prefixed sibling that s6-svscan ignores, then renamed). The
 * slot settings are read when the first slot is written (once per manager: a boot reconciliation
 * writes every slot with them), so control commands never depend on them.
 */
public final class S6ServiceManager implements ServiceManager, ServiceDirectories {
  /** Upper bound for a gateway to go down: s6's SIGKILL escalation plus margin. */
  static final Duration DOWN_WAIT = Duration.ofMillis(SlotRenderer.KILL_TIMEOUT_MILLIS + 5_000);

  /**
   * How long a start waits for a running finish script, which ends within a second of finding the
   * re-arm marker unless it is recording a hold (a JVM, bounded by the script).
   */
  static final Duration FINISH_WAIT = Duration.ofSeconds(20);

  /** Left in a slot by a start or restart while it acts; see the finish script. */
  static final String REARM = "hermes-rearm";

  private static final String[] CRASH_STATE = {
    HoldFile.NAME, HoldFile.NAME + ".tmp", BackoffFile.NAME
  };

  private final Path scandir;
  private final S6Tools tools;
  private final Supplier<SlotSpec> spec;
  private SlotSpec slotSpec;
  private final CommandRunner runner;
  private final String description;

  public S6ServiceManager(
      Path scandir,
      S6Tools tools,
      Supplier<SlotSpec> spec,
      CommandRunner runner,
      String description) {
    this.scandir = scandir;
    this.tools = tools;
    this.spec = spec;
    this.runner = runner;
    this.description = description;
  }

  @Override
  public Path scandir() {
    return scandir;
  }

  /** The s6 programs this manager runs. */
  public S6Tools tools() {
    return tools;
  }

  @Override
  public Path programsDir() {
    return tools.binDir();
  }

  @Override
  public Optional<ServiceDirectories> serviceDirectories() {
    return Optional.of(this);
  }

  /** Statuses through {@link S6StatusCache}: a few file stats for a gateway that did not change. */
  @Override
  public StatusCache statusCache() {
    return new S6StatusCache(this);
  }

  /**
   * {@code s6-svstat -o} {@value SvstatParser#FIELDS} on any service directory, e.g. a dashboard
   * slot beside the gateways' or in the container's root scandir. Exit 1 means s6-supervise does
   * not run on it; 111 that its status could not be read (another user's supervise directory).
   */
  public CommandResult svstat(Path serviceDir) {
    return runner.run(tools.tool("s6-svstat"), "-o", SvstatParser.FIELDS, serviceDir.toString());
  }

  /** {@link #svstat} in the terms of {@link ServiceObservation}. */
  @Override
  public ServiceObservation observe(Path serviceDirectory) {
    return SvstatParser.observe(svstat(serviceDirectory));
  }

  @Override
  public Path slot(String profile) {
    return scandir.resolve(SlotRenderer.slotName(ProfileNames.validate(profile)));
  }

  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.S6;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public boolean supportsRuntimeRegistration() {
    return true;
  }

  @Override
  public void register(String profile, boolean startNow) {
    Path slot = slot(profile);
    if (Files.exists(slot, LinkOption.NOFOLLOW_LINKS)) {
      throw new SupervisionException(
          SlotRenderer.slotName(profile) + " is already registered in " + scandir);
    }
    publish(profile, !startNow);
    CommandResult scan = runner.run(tools.tool("s6-svscanctl"), "-a", scandir.toString());
    if (!scan.ok()) {
      FileTrees.deleteQuietly(slot);
      throw GatewayCommands.failed("s6-svscanctl", "-a", scandir.toString(), scan);
    }
  }

  /**
   * Writes (or rewrites) a slot without asking s6-svscan to rescan: the boot path, where the
   * scanner starts afterwards, and the reconciler, which rescans once at the end.
   */
  @Override
  public void writeSlot(String profile, boolean down) {
    Path slot = slot(profile);
    if (Files.exists(slot, LinkOption.NOFOLLOW_LINKS)) {
      Path aside = scandir.resolve("." + slot.getFileName() + ".old-" + UUID.randomUUID());
      move(slot, aside);
      publish(profile, down);
      FileTrees.deleteQuietly(aside);
    } else {
      publish(profile, down);
    }
  }

  /** Deletes dot-prefixed staging and removal leftovers; only safe while no scanner runs. */
  @Override
  public void removeLeftovers() {
    if (!Files.isDirectory(scandir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(scandir)) {
      entries
          .filter(p -> p.getFileName().toString().startsWith(".gateway-"))
          .forEach(FileTrees::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + scandir + ": " + e.getMessage(), e);
    }
  }

  /** True when an s6-svscan listens on the scandir's control FIFO (-z only reaps zombies). */
  @Override
  public boolean scannerRunning() {
    return Files.exists(scandir.resolve(".s6-svscan/control"))
        && runner.run(tools.tool("s6-svscanctl"), "-z", scandir.toString()).ok();
  }

  @Override
  public boolean supervisorRunning() {
    return scannerRunning();
  }

  @Override
  public Optional<String> dashboardHoldReason() {
    return DashboardSlot.holdReason(scandir);
  }

  /** Asks s6-svscan to pick up new slots and drop vanished ones; false when none is running. */
  @Override
  public boolean rescan() {
    return runner.run(tools.tool("s6-svscanctl"), "-an", scandir.toString()).ok();
  }

  @Override
  public void unregister(String profile) {
    Path slot = slot(profile);
    if (!Files.isDirectory(slot, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (runner.run(tools.tool("s6-svc"), "-d", slot.toString()).ok()) {
      waitUntilDown(slot);
    }
    Path aside = scandir.resolve("." + slot.getFileName() + ".removed-" + UUID.randomUUID());
    move(slot, aside);
    runner.run(tools.tool("s6-svscanctl"), "-an", scandir.toString());
    deleteWithRetries(aside);
  }

  /**
   * Starts the gateway, whatever its slot's finish script is doing. A start that comes while the
   * finish runs (a backoff sleep, a hold being recorded) must not be lost: s6-supervise applies the
   * finish's exit 125 after any {@code up} it received meanwhile. So the start leaves {@value
   * #REARM} in the slot, which the finish honours instead of holding (and which ends a backoff
   * sleep), then waits for a running finish to end; if the finish held the gateway anyway (it had
   * looked for the marker just before the start wrote it), the start clears the hold and asks
   * again.
   */
  @Override
  public void start(String profile) {
    Path slot = requireSlot(profile);
    Path marker = slot.resolve(REARM);
    touch(marker);
    clearCrashState(profile, slot);
    svc("-u", profile, slot);
    Finish after = awaitFinish(slot);
    if (after == Finish.HELD) {
      clearCrashState(profile, slot);
      svc("-u", profile, slot);
    }
    if (after != Finish.RUNNING) {
      deleteIfExists(marker);
    }
  }

  /**
   * Stops the gateway. When its finish script is waiting out a backoff, removing {@value
   * BackoffFile#NAME} ends the wait at its next one-second step; the script reads s6's own "wanted
   * up" only every few seconds, so that hundreds of waiting finishes start few processes.
   */
  @Override
  public void stop(String profile) {
    Path slot = requireSlot(profile);
    svc("-d", profile, slot);
    deleteIfExists(slot.resolve(BackoffFile.NAME));
  }

  /**
   * A restart of a running gateway is SIGTERM ({@code s6-svc -t}); the marker tells the finish
   * script that this exit was asked for, so it does not count even when the gateway dies some other
   * way on its way down.
   */
  @Override
  public void restart(String profile) {
    Path slot = requireSlot(profile);
    if (status(profile).up()) {
      touch(slot.resolve(REARM));
      svc("-t", profile, slot);
    } else {
      start(profile);
    }
  }

  /** What a slot's finish script did, as seen after a start. */
  private enum Finish {
    /** No finish ran, or it ended and s6 starts (or started) the gateway. */
    DONE,
    /** It ended with exit 125 after the start's {@code up}: the gateway is held. */
    HELD,
    /** Still running at the deadline; it will find the marker. */
    RUNNING
  }

  /**
   * Waits (bounded) while the slot's finish script runs. s6-svstat has no "finishing" field, but
   * s6-supervise stamps readiness again when a finish ends ("down and ready"), so a down service
   * whose ready stamp is older than its down stamp is still in its finish (s6 2.11 to 2.15).
   */
  private Finish awaitFinish(Path slot) {
    long deadline = System.nanoTime() + FINISH_WAIT.toNanos();
    while (true) {
      CommandResult r =
          runner.run(
              tools.tool("s6-svstat"), "-o", "up,wantedup,readysince,updownsince", slot.toString());
      String[] f = r.ok() ? r.stdout().trim().split(" ") : new String[0];
      if (f.length != 4 || f[0].equals("true")) {
        return Finish.DONE;
      }
      if (f[2].compareTo(f[3]) >= 0) {
        return f[1].equals("false") ? Finish.HELD : Finish.DONE;
      }
      if (System.nanoTime() > deadline) {
        return Finish.RUNNING;
      }
      pause(50);
    }
  }

  /** The hold, the backoff and the crash streak, which the slot's finish keeps for the profile. */
  private void clearCrashState(String profile, Path slot) {
    for (String name : CRASH_STATE) {
      deleteIfExists(slot.resolve(name));
    }
    deleteIfExists(new HermesHome(slotSpec().hermesHome()).profile(profile).crashStreakFile());
  }

  @Override
  public GatewayStatus status(String profile) {
    Path slot = slot(profile);
    if (!Files.isDirectory(slot, LinkOption.NOFOLLOW_LINKS)) {
      return GatewayStatus.notRegistered(profile);
    }
    CommandResult result =
        runner.run(tools.tool("s6-svstat"), "-o", SvstatParser.FIELDS, slot.toString());
    return statusFrom(profile, slot, result.ok() ? result.stdout() : null);
  }

  /**
   * One shell runs s6-svstat for every slot: spawning a process from the JVM costs several times
   * what a shell's fork does, and {@code gateway status --all} or the dashboard ask for hundreds. A
   * slot s6-svscan does not supervise prints {@code !} instead.
   */
  @Override
  public List<GatewayStatus> statusAll(List<String> profiles) {
    List<String> registered = new ArrayList<>();
    for (String profile : profiles) {
      if (Files.isDirectory(slot(profile), LinkOption.NOFOLLOW_LINKS)) {
        registered.add(profile);
      }
    }
    List<String> lines = List.of();
    if (!registered.isEmpty()) {
      List<String> command = new ArrayList<>();
      command.addAll(
          List.of(
              "/bin/sh",
              "-c",
              "svstat=$1; shift; for d; do \"$svstat\" -o "
                  + SvstatParser.FIELDS
                  + " \"$d\" 2>/dev/null || echo '!'; done",
              "sh",
              tools.tool("s6-svstat")));
      registered.forEach(p -> command.add(slot(p).toString()));
      CommandResult result =
          runner.run(command, CommandRunner.DEFAULT_TIMEOUT.plusMillis(20L * registered.size()));
      lines = result.stdout().lines().toList();
    }
    List<GatewayStatus> statuses = new ArrayList<>();
    int next = 0;
    for (String profile : profiles) {
      if (next < registered.size() && registered.get(next).equals(profile)) {
        String line = next < lines.size() ? lines.get(next) : "!";
        statuses.add(statusFrom(profile, slot(profile), line.equals("!") ? null : line));
        next++;
      } else {
        statuses.add(GatewayStatus.notRegistered(profile));
      }
    }
    return statuses;
  }

  /**
   * @param svstat the s6-svstat machine line, or null when the slot is not supervised
   */
  private GatewayStatus statusFrom(String profile, Path slot, String svstat) {
    GatewayStatus.Builder status =
        GatewayStatus.builder(profile)
            .restarts(readNumber(slot.resolve("hermes-restarts")))
            .hold(HoldFile.read(slot))
            .death(DeathFile.read(slot.resolve(DeathFile.NAME)).orElse(null));
    if (svstat == null) {
      // Registered but not supervised (yet): s6-svscan has not picked it up or is not running.
      return status.normallyUp(!Files.exists(slot.resolve("down"))).build();
    }
    SvstatParser.Svstat s = SvstatParser.parse(svstat);
    if (s.up()) {
      status
          .up(s.pid())
          .ready(s.ready())
          .logLinesDropped(DropCountFile.read(slot.resolve(DropCountFile.NAME)).orElse(-1));
    } else if (s.wantUp()) {
      status.backoff(BackoffFile.secondsLeft(slot, () -> System.currentTimeMillis() / 1000));
    }
    return status
        .wantUp(s.wantUp())
        .normallyUp(s.normallyUp())
        .since(s.sinceSeconds())
        .exitCode(s.exitCode())
        .signal(s.signal())
        .build();
  }

  @Override
  public List<String> list() {
    if (!Files.isDirectory(scandir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(scandir)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("gateway-"))
          .map(n -> n.substring("gateway-".length()))
          .filter(ProfileNames::isValid)
          .filter(
              n -> Files.isDirectory(scandir.resolve("gateway-" + n), LinkOption.NOFOLLOW_LINKS))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + scandir + ": " + e.getMessage(), e);
    }
  }

  private Path requireSlot(String profile) {
    Path slot = slot(profile);
    if (!Files.isDirectory(slot, LinkOption.NOFOLLOW_LINKS)) {
      throw new SupervisionException(
          "no such gateway '"
              + profile
              + "': create it with 'hermes profile create "
              + profile
              + "' first");
    }
    return slot;
  }

  private void svc(String action, String profile, Path slot) {
    CommandResult result = runner.run(tools.tool("s6-svc"), action, slot.toString());
    if (!result.ok()) {
      throw GatewayCommands.failed("s6-svc", action, SlotRenderer.slotName(profile), result);
    }
  }

  /** Builds the slot in a dot-prefixed sibling (ignored by s6-svscan) and renames it in. */
  private void publish(String profile, boolean down) {
    SlotFiles.publish(
        scandir,
        SlotRenderer.slotName(ProfileNames.validate(profile)),
        new SlotRenderer(slotSpec()).render(profile, down));
  }

  private synchronized SlotSpec slotSpec() {
    if (slotSpec == null) {
      slotSpec = spec.get();
    }
    return slotSpec;
  }

  private void waitUntilDown(Path slot) {
    long deadline = System.nanoTime() + DOWN_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      CommandResult r = runner.run(tools.tool("s6-svstat"), "-o", "up", slot.toString());
      if (!r.ok() || r.stdout().trim().equals("false")) {
        return;
      }
      pause(50);
    }
  }

  /** s6-supervise may still be writing into the directory for a moment after it is told to go. */
  private static void deleteWithRetries(Path dir) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      try {
        FileTrees.delete(dir);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          return; // dot-prefixed leftovers are invisible to s6-svscan and to list()
        }
        pause(50);
      }
    }
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException("could not move " + from + ": " + e.getMessage(), e);
    }
  }

  private static void touch(Path file) {
    try {
      Files.write(file, new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + file + ": " + e.getMessage(), e);
    }
  }

  private static int readNumber(Path file) {
    String line = readLine(file);
    return line != null && line.matches("\\d{1,9}") ? Integer.parseInt(line) : 0;
  }

  private static String readLine(Path file) {
    try {
      String text = OwnFiles.readText(file, OwnFiles.LINE_LIMIT).trim();
      return text.isEmpty() ? null : text;
    } catch (IOException | HermesException e) {
      return null;
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SupervisionException("interrupted");
    }
  }
}

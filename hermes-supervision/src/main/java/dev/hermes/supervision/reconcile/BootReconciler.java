package dev.hermes.supervision.reconcile;

import dev.hermes.core.AtomicFiles;
import dev.hermes.core.FileRefusedException;
import dev.hermes.core.HermesHome;
import dev.hermes.core.PidLock;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileNames;
import dev.hermes.core.ProfileStore;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditAction;
import dev.hermes.core.audit.AuditLog;
import dev.hermes.supervision.ServiceDirectories;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rebuilds every gateway slot from what is on the persistent volume, at container boot and at
 * {@code hermes up}: the default profile first, then every {@code profiles/*} directory holding
 * SOUL.md in name order. Only a gateway whose prior state ({@code desired_state}, else {@code
 * gateway_state}) is {@code running} starts; everything else gets a {@code down} file. A container
 * restart is therefore invisible. Each profile's outcome is a {@code reconcile} line of the audit
 * trail (a removed slot an {@code unregister} line), by the {@code boot} actor.
 */
public final class BootReconciler {
  public static final String BOOTSTRAP_VARIABLE = "HERMES_GATEWAY_BOOTSTRAP_STATE";

  private final HermesHome home;
  private final ServiceDirectories s6;
  private final Clock clock;
  private final PrintWriter out;
  private final AuditLog audit;

  public BootReconciler(
      HermesHome home, ServiceDirectories s6, Clock clock, PrintWriter out, AuditLog audit) {
    this.home = home;
    this.s6 = s6;
    this.clock = clock;
    this.out = out;
    this.audit = audit;
  }

  /** The home's own audit trail; a failure to write it is one warning line on {@code out}. */
  public BootReconciler(HermesHome home, ServiceDirectories s6, Clock clock, PrintWriter out) {
    this(home, s6, clock, out, AuditLog.of(home, w -> out.println("reconcile: warning: " + w)));
  }

  /**
   * @param bootstrapState the value of {@code HERMES_GATEWAY_BOOTSTRAP_STATE}, or null
   * @param scannerRunning whether an s6-svscan already watches the scandir; if so, slots it
   *     supervises are kept and new ones are picked up with one rescan at the end
   * @param dryRun report what would happen, change nothing
   */
  public List<ReconcileAction> reconcile(
      String bootstrapState, boolean scannerRunning, boolean dryRun) {
    ProfileStore store = new ProfileStore(home, dev.hermes.core.ProfileHooks.NONE);
    if (!dryRun) {
      seedBootstrapState(bootstrapState);
    }
    List<Profile> profiles = new ArrayList<>();
    profiles.add(home.profile(ProfileNames.DEFAULT));
    for (String name : store.profileDirectoryNames()) {
      if (ProfileNames.DEFAULT.equals(name)) {
        warn("skipping profiles/default: the default profile is HERMES_HOME itself");
      } else if (!ProfileNames.isValid(name)) {
        warn("skipping profiles/" + name + ": not a valid profile name");
      } else if (home.profile(name).exists()) {
        profiles.add(home.profile(name));
      }
    }

    if (!dryRun) {
      pruneSlotsWithoutProfile(profiles, scannerRunning);
      for (Profile profile : profiles) {
        removeStaleRuntimeFiles(profile, scannerRunning);
      }
    }

    List<ReconcileAction> actions = new ArrayList<>();
    BootLog bootLog = new BootLog(home.logsDir().resolve("container-boot.log"));
    for (Profile profile : profiles) {
      String prior;
      try {
        prior = profile.state().priorState().orElse(null);
      } catch (FileRefusedException e) {
        // One refused state file must not keep the other gateways from being reconciled.
        warn(profile.name() + ": " + e.getMessage() + "; registering it down");
        prior = null;
      }
      boolean start = "running".equals(prior);
      String action;
      if (scannerRunning && Files.isDirectory(s6.slot(profile.name()), LinkOption.NOFOLLOW_LINKS)) {
        action = "kept";
      } else {
        action = start ? "started" : "registered";
        if (!dryRun) {
          s6.writeSlot(profile.name(), !start);
        }
      }
      ReconcileAction result = new ReconcileAction(profile.name(), prior, action);
      actions.add(result);
      out.println("reconcile: " + (dryRun ? "(dry run) " : "") + result.describe());
      if (!dryRun) {
        bootLog.append(
            Instant.now(clock).truncatedTo(ChronoUnit.SECONDS) + " " + result.describe());
        audit.record(
            profile.name(),
            AuditAction.RECONCILE,
            Actor.BOOT,
            "prior_state=" + (prior == null ? "none" : prior),
            action);
      }
    }
    if (!dryRun && scannerRunning) {
      s6.rescan();
    }
    out.flush();
    return actions;
  }

  /**
   * First boot only: {@code running} with no state file makes the default gateway start. Any other
   * value is ignored, and nothing is written through a symlink. The seed records {@code
   * desired_state} too: the operator asked for the gateway to run, so a clean stop (which records
   * {@code gateway_state: stopped}) must not keep it down at the next boot.
   */
  private void seedBootstrapState(String bootstrapState) {
    if (!"running".equals(bootstrapState)) {
      return;
    }
    Path state = home.profile(ProfileNames.DEFAULT).stateFile();
    if (Files.exists(state, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    AtomicFiles.write(
        state,
        "{\"gateway_state\": \"running\", \"desired_state\": \"running\"}\n"
            .getBytes(StandardCharsets.UTF_8),
        AtomicFiles.OWNER_WRITE_ALL_READ);
    out.println("reconcile: seeded gateway_state=running for the default profile (first boot)");
  }

  /** Slots whose profile is gone (deleted while no supervisor ran) are removed. */
  private void pruneSlotsWithoutProfile(List<Profile> profiles, boolean scannerRunning) {
    Set<String> wanted = new TreeSet<>();
    profiles.forEach(p -> wanted.add(p.name()));
    for (String registered : s6.list()) {
      if (!wanted.contains(registered)) {
        warn("removing gateway-" + registered + ": its profile no longer exists");
        audit.recorded(
            registered,
            AuditAction.UNREGISTER,
            Actor.BOOT,
            "its profile no longer exists",
            () -> s6.unregister(registered));
      }
    }
    if (!scannerRunning) {
      s6.removeLeftovers();
    }
  }

  /**
   * Before any gateway starts, pid files from the previous boot are stale. With a live scanner only
   * files of dead processes are removed.
   */
  private void removeStaleRuntimeFiles(Profile profile, boolean scannerRunning) {
    for (Path file : List.of(profile.pidFile(), profile.processesFile())) {
      try {
        if (!scannerRunning || !pidFileIsLive(profile.pidFile())) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not remove " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private static boolean pidFileIsLive(Path pidFile) {
    OptionalLong pid = PidLock.readPid(pidFile);
    return pid.isPresent()
        && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
  }

  private void warn(String message) {
    out.println("reconcile: warning: " + message);
  }
}

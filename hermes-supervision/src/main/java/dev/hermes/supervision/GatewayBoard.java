package dev.hermes.supervision;

import dev.hermes.core.HermesHome;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileHooks;
import dev.hermes.core.ProfileStore;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the live views (the terminal view, the dashboard) read and change: every profile's gateway
 * as one row, the same rows {@code hermes gateway status --all} prints; the lifecycle actions, as
 * the CLI takes them; and where each gateway's log is.
 */
public final class GatewayBoard {
  private final HermesHome home;
  private final Supplier<GatewayControl> control;

  /** Null on a {@link #direct} board: every read asks the supervisor. */
  private final StatusCache cache;

  private GatewayBoard(HermesHome home, Supplier<GatewayControl> control, StatusCache cache) {
    this.home = home;
    this.control = control;
    this.cache = cache;
  }

  /**
   * A board for a view that reads when asked (the terminal view): each read asks the supervisor
   * afresh, every gateway in one {@link ServiceManager#statusAll} call. {@code control} is asked
   * for at every read, so a front end that resolves its service manager on first use (the CLI)
   * fails there, where the view reports it, and not before.
   */
  public static GatewayBoard direct(HermesHome home, Supplier<GatewayControl> control) {
    return new GatewayBoard(home, control, null);
  }

  /**
   * A board for a view that polls every gateway every second (the dashboard): the statuses come
   * through the manager's {@link StatusCache}, so under s6 a gateway whose state has not changed
   * costs a few file stats instead of an {@code s6-svstat} run.
   */
  public static GatewayBoard cached(HermesHome home, GatewayControl control) {
    return new GatewayBoard(home, () -> control, control.manager().statusCache());
  }

  /**
   * Every profile's gateway, default first, then by name. A gateway whose status cannot be read
   * becomes an {@code unknown} row naming the error, so one broken slot never hides the others.
   */
  public List<GatewayOverview> rows() {
    ServiceManager manager = control.get().manager();
    StatusCache statuses = cache != null ? cache : StatusCache.direct(manager);
    List<Profile> profiles = new ProfileStore(home, ProfileHooks.NONE).list();
    try {
      return GatewayOverview.of(
          profiles, statuses.statusAll(profiles.stream().map(Profile::name).toList()), manager);
    } catch (RuntimeException e) {
      // Ask one by one, so the broken slot is named and the others still show.
      return profiles.stream().map(p -> row(p, statuses, manager)).toList();
    }
  }

  /**
   * Acts as the CLI does (through {@link GatewayControl}, recording {@code desired_state}) and says
   * what the supervisor made of it; the audit trail names {@code actor} and {@code reason}.
   * Whatever happened, the next read asks afresh.
   */
  public GatewayOutcome apply(GatewayAction action, String profile, Actor actor, String reason) {
    try {
      return control.get().as(actor, reason).actAndSettle(action, profile);
    } finally {
      if (cache != null) {
        cache.clear();
      }
    }
  }

  /**
   * The files to stat to notice, cheaply and soon, that some row may have changed: each profile's
   * {@code gateway_state.json} (desired state, what the gateway reported) and its supervisor's
   * status files ({@link StatusCache#watchedFiles}). A new profile or a changed config.yaml is not
   * among them: a view that watches these still recomputes its rows now and then.
   */
  public List<Path> watchedFiles() {
    StatusCache statuses = cache != null ? cache : StatusCache.direct(control.get().manager());
    List<Path> files = new ArrayList<>();
    for (Profile profile : new ProfileStore(home, ProfileHooks.NONE).list()) {
      files.add(profile.stateFile());
      files.addAll(statuses.watchedFiles(profile.name()));
    }
    return files;
  }

  /** The audit trail the board's actions are recorded in, for the views that show history. */
  public AuditLog audit() {
    return control.get().audit();
  }

  /** The file s6-log writes the gateway's output to. */
  public Path logFile(String profile) {
    return home.profile(profile).logDir().resolve("current");
  }

  private static GatewayOverview row(
      Profile profile, StatusCache statuses, ServiceManager manager) {
    try {
      return GatewayOverview.of(profile, statuses.status(profile.name()), manager);
    } catch (RuntimeException e) {
      return GatewayOverview.unavailable(profile.name(), e.getMessage());
    }
  }
}

package dev.hermes.dashboard;

import dev.hermes.core.HermesHome;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileHooks;
import dev.hermes.core.ProfileStore;
import dev.hermes.supervision.GatewayOverview;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.StatusCache;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every profile's gateway as one row of the page, the same rows {@code hermes gateway status --all}
 * prints. The statuses come through the manager's {@link StatusCache}: under s6 a gateway whose
 * state has not changed costs a few file stats instead of an {@code s6-svstat} run.
 */
final class GatewayBoard {
  private final HermesHome home;
  private final Function<String, GatewayStatus> statuses;
  private final Runnable forget;
  private final ServiceManager manager;

  GatewayBoard(
      HermesHome home,
      Function<String, GatewayStatus> statuses,
      Runnable forget,
      ServiceManager manager) {
    this.home = home;
    this.statuses = statuses;
    this.forget = forget;
    this.manager = manager;
  }

  static GatewayBoard of(HermesHome home, ServiceManager manager) {
    StatusCache cache = manager.statusCache();
    return new GatewayBoard(home, cache::status, cache::clear, manager);
  }

  /** Default first, then by name. A gateway whose status cannot be read still gets its row. */
  List<GatewayOverview> rows() {
    List<GatewayOverview> rows = new ArrayList<>();
    for (Profile profile : new ProfileStore(home, ProfileHooks.NONE).list()) {
      rows.add(row(profile));
    }
    return rows;
  }

  /** After this process changed a gateway: read everything afresh. */
  void forget() {
    forget.run();
  }

  private GatewayOverview row(Profile profile) {
    try {
      return GatewayOverview.of(profile, statuses.apply(profile.name()), manager);
    } catch (RuntimeException e) {
      return GatewayOverview.unavailable(profile.name(), e.getMessage());
    }
  }
}

package dev.hermes.cli.top;

import dev.hermes.cli.CliContext;
import dev.hermes.core.HermesException;
import dev.hermes.core.Profile;
import dev.hermes.supervision.GatewayAction;
import dev.hermes.supervision.GatewayOutcome;
import dev.hermes.supervision.GatewayOverview;
import dev.hermes.supervision.ServiceManager;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the terminal view reads and changes: the rows of {@code gateway status --all}, the lifecycle
 * actions (through {@link dev.hermes.supervision.GatewayControl}, like the CLI) and where each
 * gateway's log is.
 */
public final class GatewayBoard {
  private final CliContext context;

  public GatewayBoard(CliContext context) {
    this.context = context;
  }

  /**
   * Every profile's gateway, default first. One gateway whose status fails becomes an {@code
   * unknown} row naming the error, so one broken slot never hides the others.
   */
  public List<GatewayOverview> overview() {
    ServiceManager manager = context.serviceManager();
    List<Profile> profiles = context.profiles().list();
    try {
      return GatewayOverview.of(profiles, manager);
    } catch (HermesException | UncheckedIOException e) {
      // Ask one by one, so the broken slot is named and the others still show.
      return profiles.stream().map(p -> row(manager, p)).toList();
    }
  }

  private static GatewayOverview row(ServiceManager manager, Profile profile) {
    try {
      return GatewayOverview.of(profile, manager.status(profile.name()), manager);
    } catch (HermesException | UncheckedIOException e) {
      return GatewayOverview.unavailable(profile.name(), e.getMessage());
    }
  }

  /** Acts like the CLI and says what the supervisor made of it. */
  public GatewayOutcome apply(GatewayAction action, String profile) {
    return context.gateways().actAndSettle(action, profile);
  }

  /** The file s6-log writes the gateway's output to. */
  public Path logFile(String profile) {
    return context.home().profile(profile).logDir().resolve("current");
  }
}

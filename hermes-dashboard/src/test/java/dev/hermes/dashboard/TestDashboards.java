package dev.hermes.dashboard;

import dev.hermes.core.HermesHome;
import dev.hermes.core.ProfileHooks;
import dev.hermes.core.ProfileStore;
import dev.hermes.core.audit.AuditLog;
import dev.hermes.supervision.GatewayControl;
import dev.hermes.supervision.testing.FakeServiceManager;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

/** A real dashboard on 127.0.0.1 and an ephemeral port, over a temporary HERMES_HOME. */
final class TestDashboards {
  final HermesHome home;
  final FakeServiceManager manager = FakeServiceManager.local().acceptLifecycle();
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private OutputStream logStream = log;
  private String scrapeToken;

  TestDashboards(Path root) {
    this.home = new HermesHome(root);
  }

  TestDashboards withProfiles(String... names) {
    ProfileStore store = new ProfileStore(home, ProfileHooks.NONE);
    store.ensureDefault();
    int port = 40100;
    for (String name : names) {
      store.create(name, Optional.empty(), OptionalInt.of(port++));
    }
    return this;
  }

  /** The dashboard's log goes to {@code stream} instead of {@link #log}. */
  TestDashboards withLogStream(OutputStream stream) {
    this.logStream = stream;
    return this;
  }

  /** {@code /metrics} also answers {@code Authorization: Bearer token}. */
  TestDashboards withScrapeToken(String token) {
    this.scrapeToken = token;
    return this;
  }

  Dashboard start(AccessPolicy policy) {
    DashboardSettings settings =
        new DashboardSettings(
            "127.0.0.1", 0, null, null, home.root().resolve("dashboard.token"), scrapeToken);
    return Dashboard.start(
        settings,
        InetAddress.getLoopbackAddress(),
        policy,
        home,
        new GatewayControl(manager, home, Clock.systemUTC(), AuditLog.of(home, w -> {})),
        new DashboardLog(1, logStream));
  }
}

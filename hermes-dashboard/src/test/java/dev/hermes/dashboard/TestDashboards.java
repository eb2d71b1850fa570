package dev.hermes.dashboard;

import dev.hermes.core.HermesHome;
import dev.hermes.core.ProfileHooks;
import dev.hermes.core.ProfileStore;
import dev.hermes.supervision.GatewayControl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

/** A real dashboard on 127.0.0.1 and an ephemeral port, over a temporary HERMES_HOME. */
final class TestDashboards {
  final HermesHome home;
  final FakeManager manager = new FakeManager();
  final StringWriter log = new StringWriter();

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

  Dashboard start(AccessPolicy policy) {
    DashboardSettings settings =
        new DashboardSettings("127.0.0.1", 0, null, null, home.root().resolve("dashboard.token"));
    return Dashboard.start(
        settings,
        InetAddress.getLoopbackAddress(),
        policy,
        home,
        new GatewayControl(manager, home, Clock.systemUTC()),
        new DashboardLog(1, new PrintWriter(log, true)));
  }
}

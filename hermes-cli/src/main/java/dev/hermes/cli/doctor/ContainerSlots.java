package dev.hermes.cli.doctor;

import dev.hermes.core.EnvFlags;
import dev.hermes.dashboard.DashboardRefusedException;
import dev.hermes.dashboard.DashboardSettings;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.ServiceObservation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The image's static s6-overlay services in the root scandir: {@code main-hermes} (the no-op slot
 * beside the container's command) and {@code dashboard}. They exist only inside the image, so the
 * check runs only when s6 is the container's supervisor; a missing one means a broken image, which
 * leaves the gateways running, hence a warning. The gateway scanner is checked here too.
 *
 * <p>With {@code HERMES_DASHBOARD} truthy the dashboard must also be running. Its supervise
 * directory is root's (s6-overlay runs as root) and the doctor runs as hermes, so when s6-svstat
 * cannot read it, whether anything listens on the dashboard's port ({@code /proc/net/tcp}, read as
 * a file: no connection is made) stands in for it.
 */
final class ContainerSlots {
  static final String ROOT_SCANDIR = "run/service";

  /** The dashboard's exit code for a configuration it refuses to run with. */
  private static final int REFUSED = DashboardRefusedException.EXIT_CODE;

  /** {@code st} of a listening socket in {@code /proc/net/tcp}. */
  private static final String LISTEN = "0A";

  private ContainerSlots() {}

  /** True under s6 as the container's own supervisor (not a {@code hermes up} on a host). */
  static boolean apply(ServiceManager manager) {
    return manager.kind() == ServiceManagerKind.S6
        && manager.describe().toLowerCase(Locale.ROOT).contains("container");
  }

  /**
   * Checks both slots under {@code systemRoot}, which is {@code /} outside tests, and the gateway
   * scanner ({@code hermes-gateways}, the s6-svscan on the gateway scandir): without it no gateway
   * is supervised, a failure that also makes the container unhealthy.
   */
  static void run(
      Path systemRoot, ServiceManager manager, Map<String, String> env, DoctorReport report) {
    Path scandir = systemRoot.resolve(ROOT_SCANDIR);
    check(scandir.resolve("main-hermes"), "main-slot", "Main slot", report);
    dashboard(systemRoot, scandir.resolve("dashboard"), manager, env, report);
    report.add(
        manager.supervisorRunning()
            ? Check.ok(Check.SUPERVISION, "scanner", "Gateway scanner: running")
            : Check.fail(
                    Check.SUPERVISION,
                    "scanner",
                    "Gateway scanner: not running (no gateway is supervised)")
                .unhealthy());
  }

  private static void check(Path slot, String name, String label, DoctorReport report) {
    report.add(
        Files.isDirectory(slot)
            ? Check.ok(Check.SUPERVISION, name, label + ": " + slot + " present")
            : Check.warn(Check.SUPERVISION, name, label + ": " + slot + " missing"));
  }

  private static void dashboard(
      Path systemRoot,
      Path slot,
      ServiceManager manager,
      Map<String, String> env,
      DoctorReport report) {
    if (!Files.isDirectory(slot)) {
      report.add(warn("Dashboard slot: " + slot + " missing"));
      return;
    }
    if (!EnvFlags.truthy(env.get(DashboardSettings.ENABLED_VARIABLE))) {
      report.add(ok("Dashboard slot: " + slot + " present (disabled by HERMES_DASHBOARD)"));
      return;
    }
    int port;
    try {
      port = DashboardSettings.portFrom(env);
    } catch (RuntimeException e) {
      report.add(fail("Dashboard: refuses to start: " + e.getMessage()));
      return;
    }
    ServiceObservation seen = manager.serviceDirectories().map(s6 -> s6.observe(slot)).orElse(null);
    if (seen == null || seen.state() == ServiceObservation.State.UNREADABLE) {
      report.add(
          listening(systemRoot, port)
              ? ok("Dashboard: listening on port " + port)
              : warn(
                  "Dashboard: enabled by HERMES_DASHBOARD but nothing listens on port "
                      + port
                      + " (starting, or failing: see docker logs)"));
      return;
    }
    report.add(
        switch (seen.state()) {
          case READY -> ok("Dashboard: up and ready on port " + port);
          case STARTING -> warn("Dashboard: up, not ready yet (starting)");
          case RESTARTING ->
              seen.exitCode() == REFUSED
                  ? fail(
                      "Dashboard: refuses its configuration (exit "
                          + REFUSED
                          + ") and s6 restarts it only to refuse again (see docker logs)")
                  : warn(
                      "Dashboard: down, s6 is restarting it (last: "
                          + seen.lastExit()
                          + "; see docker logs)");
          case STOPPED -> fail("Dashboard: down and not restarted by s6 (see docker logs)");
          case UNSUPERVISED -> warn("Dashboard: not supervised (no s6-supervise on " + slot + ")");
          case UNREADABLE -> throw new IllegalStateException("handled above");
        });
  }

  /** Whether a socket listens on {@code port}, per {@code /proc/net/tcp} and {@code tcp6}. */
  static boolean listening(Path systemRoot, int port) {
    String hexPort = String.format("%04X", port);
    for (String table : List.of("proc/net/tcp", "proc/net/tcp6")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(systemRoot.resolve(table), StandardCharsets.US_ASCII);
      } catch (IOException | UncheckedIOException e) {
        continue;
      }
      for (String line : lines) {
        // "  0: 00000000:23A7 00000000:0000 0A ...": sl, local address:port, remote, state.
        String[] fields = line.strip().split("\\s+");
        if (fields.length > 3 && fields[3].equals(LISTEN) && fields[1].endsWith(":" + hexPort)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Check ok(String message) {
    return Check.ok(Check.SUPERVISION, "dashboard-slot", message);
  }

  private static Check warn(String message) {
    return Check.warn(Check.SUPERVISION, "dashboard-slot", message);
  }

  private static Check fail(String message) {
    return Check.fail(Check.SUPERVISION, "dashboard-slot", message);
  }
}

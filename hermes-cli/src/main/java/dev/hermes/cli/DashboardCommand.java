package dev.hermes.cli;

import dev.hermes.core.AtomicFiles;
import dev.hermes.core.EventLog;
import dev.hermes.core.SignalTrap;
import dev.hermes.dashboard.Dashboard;
import dev.hermes.dashboard.DashboardRefusedException;
import dev.hermes.dashboard.DashboardSettings;
import dev.hermes.supervision.local.LocalDashboard;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hermes dashboard [--host H] [--port N]}: the web dashboard in the foreground until
 * SIGTERM, SIGINT or SIGHUP. A configuration it refuses (see {@code AccessPolicy}) exits {@value
 * DashboardRefusedException#EXIT_CODE}, which the supervised slot reads as "stay down".
 */
public final class DashboardCommand implements CliCommand {
  static final Option<Optional<String>> HOST =
      Option.text(
              "--host",
              "HOST",
              "Address to listen on (default: $HERMES_DASHBOARD_HOST, else 127.0.0.1).")
          .optional();
  static final Option<Optional<Integer>> PORT =
      Option.value(
              "--port",
              "PORT",
              "Port (default: $HERMES_DASHBOARD_PORT, else 9119; 0 picks a free one).",
              ValueType.integer(0, 65535))
          .optional();

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("dashboard")
        .server(JvmProfile.DASHBOARD)
        .describe(
            "Serve the web dashboard (every profile's gateway, Start/Stop/Restart, log tails) in"
                + " the foreground until SIGTERM or SIGINT.",
            "On a loopback address without HERMES_DASHBOARD_USERNAME/PASSWORD it is open; with"
                + " them it asks for them; on any other address without them it asks for the"
                + " token in $HERMES_HOME/dashboard.token (created 0600 and printed once when"
                + " absent), and refuses to start when that token cannot be created or used."
                + " GET /metrics gives the overview to Prometheus; with a login it needs"
                + " HERMES_DASHBOARD_SCRAPE_TOKEN, sent as 'Authorization: Bearer <token>'.")
        .option(HOST)
        .option(PORT)
        .subcommand("start", DashboardStartCommand::new)
        .footer("Exit codes: 0 stopped, 1 failure, 2 bad usage, 78 refused configuration.");
  }

  @Override
  public int run(Invocation in) throws InterruptedException {
    // Absent: the settings fall back on the environment, then on their defaults.
    String host = in.get(HOST).orElse(null);
    Integer port = in.get(PORT).orElse(null);
    CliContext context = in.context();
    PrintWriter err = in.err();
    Dashboard dashboard;
    try {
      DashboardSettings settings =
          DashboardSettings.from(context.env(), context.home().root(), host, port);
      // The log's own stream, not this command's writer: a log write blocked on a full pipe
      // must not hold a lock the command's exit needs (see EventLog.standardOutput).
      dashboard =
          Dashboard.start(
              settings,
              context.home(),
              context.gateways(),
              context.env(),
              EventLog.standardOutput());
    } catch (DashboardRefusedException e) {
      err.println("hermes: error: " + e.getMessage());
      err.flush();
      recordRefusal(context, e.getMessage(), err);
      return DashboardRefusedException.EXIT_CODE;
    }
    CountDownLatch stop = new CountDownLatch(1);
    try (SignalTrap trap =
        SignalTrap.installStopping(
            SignalTrap.TERMINAL_SESSION,
            signal -> stop.countDown(),
            warning -> err.println("hermes: warning: " + warning),
            notice -> err.println("hermes: " + notice))) {
      stop.await();
    } finally {
      dashboard.close();
    }
    return 0;
  }

  /** Under hermes up, leaves the reason where status, doctor and hermes up look for it. */
  private static void recordRefusal(CliContext context, String reason, PrintWriter err) {
    String file = context.env().get(LocalDashboard.REFUSAL_FILE_VARIABLE);
    if (file == null || file.isBlank()) {
      return;
    }
    try {
      AtomicFiles.write(
          Path.of(file),
          (reason + "\n").getBytes(StandardCharsets.UTF_8),
          AtomicFiles.OWNER_WRITE_ALL_READ);
    } catch (RuntimeException e) {
      err.println(
          "hermes: warning: could not record the refusal in " + file + ": " + e.getMessage());
      err.flush();
    }
  }
}

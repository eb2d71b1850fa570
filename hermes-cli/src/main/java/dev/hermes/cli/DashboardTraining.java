package dev.hermes.cli;

import dev.hermes.core.Profile;
import dev.hermes.dashboard.Dashboard;
import dev.hermes.supervision.local.HermesUpTree;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The dashboard's cache-training workload ({@code CacheTraining dashboard}): the {@code hermes
 * dashboard} command itself, on a free loopback port, asked for its page, its scripts, a session,
 * the gateway list, an event stream, a gateway's detail, log tail and log download, sent a change
 * without and with its CSRF token, then stopped with SIGTERM.
 *
 * <p>Why a cache of its own: a JDK 25 AOT cache loads every class it holds at start-up, and the
 * CLI's cache holds every command's classes (profile creation, doctor, the YAML writer). The
 * dashboard stays up for good, so it should carry only what serving the page loads.
 */
final class DashboardTraining {
  private static final String HOST = "127.0.0.1";
  private static final long READY_TIMEOUT_MILLIS = 10_000;
  private static final Pattern COOKIE = Pattern.compile("(?im)^Set-Cookie: ([^=;\\s]+=[^;\\s]+)");
  private static final Pattern CSRF = Pattern.compile("\"csrf\":\"([^\"]+)\"");

  private DashboardTraining() {}

  static void run(CliContext training) throws IOException {
    // The s6 backend over the training home's own scan directory, with one slot that no
    // s6-svscan watches: reading statuses (one shell running s6-svstat) and sending s6-svc are
    // what the real dashboard does most. Only PATH is passed on, to find the s6 tools.
    String path = System.getenv("PATH");
    CliContext context =
        new CliContext(
            path == null ? Map.of() : Map.of("PATH", path),
            training.home(),
            training.installDir(),
            training.containerProbe(),
            c -> HermesUpTree.manager(c.supervisionEnvironment()));
    System.setProperty(
        CacheTraining.IDLE_TIMER_TICK, Long.toString(CacheTraining.TRAINING_TICK_MILLIS));
    int port = TrainingHttp.freePort();
    // Two profiles (the list reads a directory), one of them with a slot. Written as text: the
    // YAML writer is not part of the dashboard.
    Profile profile = context.home().profile("default");
    Profile other = context.home().profile("training");
    Files.createDirectories(other.dir());
    Files.writeString(other.soulFile(), "# SOUL\n");
    for (Profile p : new Profile[] {profile, other}) {
      Files.writeString(p.configFile(), "gateway:\n  port: " + TrainingHttp.freePort() + "\n");
    }
    context.serviceManager().serviceDirectories().orElseThrow().writeSlot(profile.name(), true);
    // SIGTERM stops the command as it stops the real one. Until the command has put in its own
    // handler, this one takes the signal (the JVM's default would end the training run).
    Signal term = new Signal("TERM");
    SignalHandler before = Signal.handle(term, signal -> {});
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    Thread command =
        new Thread(
            () -> Main.run(context, sink, sink, "dashboard", "--host", HOST, "--port", "" + port),
            "training-dashboard");
    command.start();
    try {
      TrainingHttp.awaitOk(port, "GET /api/session", READY_TIMEOUT_MILLIS);
      requests(port, profile.name());
      long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
      while (command.isAlive() && System.currentTimeMillis() < deadline) {
        Signal.raise(term);
        command.join(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Signal.handle(term, before);
    }
  }

  /** What the page does: its files, a session, the list, a log tail, changes, logout. */
  private static void requests(int port, String profile) throws InterruptedException {
    for (String path : new String[] {"/", "/app.js", "/style.css", "/login", "/nothing-here"}) {
      TrainingHttp.request(port, "GET " + path, null);
    }
    String session = TrainingHttp.request(port, "GET /api/session", null);
    String cookie = "Cookie: " + first(COOKIE, session) + "\r\n";
    String origin = "Origin: http://" + HOST + ":" + port + "\r\n";
    String gateway = "/api/gateways/" + profile;
    // An open page's event stream, held until the command stops (the server then ends it).
    Thread events =
        new Thread(
            () -> TrainingHttp.request(port, "GET /api/events", cookie, null), "training-events");
    events.setDaemon(true);
    events.start();
    TrainingHttp.request(port, "GET /api/gateways", cookie, null);
    TrainingHttp.request(port, "GET " + gateway + "/log", cookie, null);
    TrainingHttp.request(port, "GET " + gateway + "/detail", cookie, null);
    TrainingHttp.request(port, "GET " + gateway + "/log?after=", cookie, null);
    TrainingHttp.request(port, "GET " + gateway + "/log?after=0", cookie, null);
    TrainingHttp.request(port, "GET " + gateway + "/log/download", cookie, null);
    TrainingHttp.request(port, "POST " + gateway + "/start", cookie + origin, "{}");
    String token = "X-CSRF-Token: " + first(CSRF, session) + "\r\n";
    TrainingHttp.request(port, "POST " + gateway + "/start", cookie + origin + token, "{}");
    for (int i = 0; i < 2; i++) {
      Thread.sleep(Dashboard.REFRESH.toMillis() / 2 + 10);
      TrainingHttp.request(port, "GET /api/gateways", cookie, null);
    }
    TrainingHttp.request(port, "POST /api/logout", cookie + origin + token, "{}");
    Thread.sleep(4 * CacheTraining.TRAINING_TICK_MILLIS);
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : "";
  }
}

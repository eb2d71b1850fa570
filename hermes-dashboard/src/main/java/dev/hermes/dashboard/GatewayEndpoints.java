package dev.hermes.dashboard;

import dev.hermes.core.FileRefusedException;
import dev.hermes.core.HermesException;
import dev.hermes.core.HermesHome;
import dev.hermes.core.LogTail;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileNames;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditEvent;
import dev.hermes.core.audit.AuditLog;
import dev.hermes.supervision.GatewayAction;
import dev.hermes.supervision.GatewayBoard;
import dev.hermes.supervision.GatewayOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/gateways}: the rows, the lifecycle actions, a gateway's log tail, and its audit
 * history.
 */
final class GatewayEndpoints {
  static final int LOG_LINES = 50;

  /** The newest events a history answer holds: a screenful many times over, a bounded body. */
  static final int HISTORY_EVENTS = 500;

  private final HermesHome home;
  private final GatewayBoard board;
  private final OverviewCache overview;
  private final DashboardLog log;
  private final AuditLog audit;

  GatewayEndpoints(
      HermesHome home,
      GatewayBoard board,
      OverviewCache overview,
      DashboardLog log,
      AuditLog audit) {
    this.home = home;
    this.board = board;
    this.overview = overview;
    this.log = log;
    this.audit = audit;
  }

  Reply list() {
    OverviewCache.Snapshot snapshot = overview.get();
    return Reply.bytes(Reply.JSON_TYPE, snapshot.json())
        .with("Server-Timing", "overview;dur=" + snapshot.computeMillis());
  }

  /**
   * Start, stop or restart through the service manager, recording desired_state as the CLI does.
   */
  Reply act(String name, String verb, Request request) {
    Profile profile = existing(name);
    GatewayAction action =
        GatewayAction.parse(verb)
            .orElseThrow(() -> new HttpFailure(404, "unknown action '" + verb + "'"));
    log.info(verb + " gateway-" + profile.name() + " (requested from " + request.client() + ")");
    GatewayOutcome outcome;
    try {
      outcome =
          board.apply(
              action,
              profile.name(),
              Actor.dashboard(request.session().map(Session::user).orElse(null)),
              "requested from " + request.client());
    } catch (HermesException | UncheckedIOException e) {
      log.warning(verb + " gateway-" + profile.name() + " failed: " + e.getMessage());
      throw new HttpFailure(409, e.getMessage());
    } finally {
      overview.invalidate();
    }
    if (!outcome.ok()) {
      log.warning(outcome.line().substring(2));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", outcome.ok());
    body.put("profile", profile.name());
    body.put("action", verb);
    body.put("result", outcome.verdict().name().toLowerCase(java.util.Locale.ROOT));
    body.put("actual", outcome.status().actual().word());
    body.put("message", outcome.line());
    return Reply.ok(body);
  }

  Reply logTail(String name) {
    Profile profile = existing(name);
    Path file = board.logFile(profile.name());
    List<String> lines;
    try {
      lines = LogTail.last(file, LOG_LINES);
    } catch (IOException e) {
      throw new HttpFailure(500, "could not read " + file + ": " + e.getMessage());
    } catch (FileRefusedException e) {
      throw new HttpFailure(500, e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("profile", profile.name());
    body.put("file", file.toString());
    body.put("lines", lines);
    return Reply.ok(body);
  }

  /**
   * The profile's audit events, oldest first (at most the newest {@link #HISTORY_EVENTS}), each as
   * its line's JSON object.
   */
  Reply history(String name) {
    Profile profile = existing(name);
    List<AuditEvent> events;
    try {
      events = audit.read(profile.name());
    } catch (UncheckedIOException | HermesException e) {
      throw new HttpFailure(500, e.getMessage());
    }
    List<Map<String, Object>> shown =
        events.subList(Math.max(0, events.size() - HISTORY_EVENTS), events.size()).stream()
            .map(AuditEvent::toMap)
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("profile", profile.name());
    body.put("file", audit.file().toString());
    body.put("events", shown);
    return Reply.ok(body);
  }

  private Profile existing(String name) {
    return existingProfile(home, name);
  }

  /** The profile a request's path names, or a 404 (also for a name no profile can have). */
  static Profile existingProfile(HermesHome home, String name) {
    if (!ProfileNames.isValid(name)) {
      throw new HttpFailure(404, "no such profile");
    }
    Profile profile = home.profile(name);
    if (!profile.exists()) {
      throw new HttpFailure(404, "no such profile '" + name + "'");
    }
    return profile;
  }
}

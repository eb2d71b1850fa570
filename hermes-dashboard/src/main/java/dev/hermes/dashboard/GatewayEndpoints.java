package dev.hermes.dashboard;

import dev.hermes.core.FileRefusedException;
import dev.hermes.core.HermesException;
import dev.hermes.core.HermesHome;
import dev.hermes.core.LogTail;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileNames;
import dev.hermes.supervision.GatewayAction;
import dev.hermes.supervision.GatewayBoard;
import dev.hermes.supervision.GatewayOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/gateways}: the rows, the lifecycle actions, and a gateway's log tail. */
final class GatewayEndpoints {
  static final int LOG_LINES = 50;

  private final HermesHome home;
  private final GatewayBoard board;
  private final OverviewCache overview;
  private final DashboardLog log;

  GatewayEndpoints(HermesHome home, GatewayBoard board, OverviewCache overview, DashboardLog log) {
    this.home = home;
    this.board = board;
    this.overview = overview;
    this.log = log;
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
      outcome = board.apply(action, profile.name());
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

  private Profile existing(String name) {
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

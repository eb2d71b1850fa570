package dev.hermes.supervision;

import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileSummary;
import dev.hermes.core.state.ActualState;
import dev.hermes.core.state.Death;
import dev.hermes.core.state.DesiredState;
import dev.hermes.core.state.HoldReason;
import dev.hermes.core.state.ReportedState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One gateway as every listing shows it (the status table, {@code --json}, the dashboard, the
 * terminal view): what the operator asked for ({@code desired_state}), what actually happens, why,
 * and how its last run ended.
 *
 * @param desired {@code desired_state} from gateway_state.json, or null when never set
 * @param actual one word, see {@link ActualState}
 * @param reason why it is in that state, when the word alone does not say: the hold's line, the
 *     backoff's delay, what to do about a gateway no supervisor runs; or null
 * @param holdReason the code of the hold when the supervisor holds it down, else null
 * @param uptimeSeconds seconds up, or -1 when down
 * @param port the configured gateway port, or null when config.yaml cannot be read
 * @param lastExit how its last run ended ({@code exit 1}, {@code signal KILL}), or null when it is
 *     running or never ran
 * @param backoffSeconds seconds until the supervisor restarts it after a crash, or -1
 * @param lastDeath how its last process ended, with the cause (also while the next run is up): from
 *     the supervisor's record, else from the one gateway_state.json keeps; or null
 * @param logLinesDropped log lines the running gateway lost because its log would not take them (a
 *     blocked logger, most often a full disk), or -1 when down or unknown
 * @param configError why the profile's config.yaml or gateway_state.json cannot be used (invalid
 *     YAML, over its size cap, a symbolic link), or null: listings show the profile {@code
 *     bad-config}
 */
public record GatewayOverview(
    String profile,
    DesiredState desired,
    ActualState actual,
    String reason,
    HoldReason holdReason,
    boolean registered,
    boolean up,
    boolean ready,
    int pid,
    long uptimeSeconds,
    int restarts,
    Integer port,
    String lastExit,
    long backoffSeconds,
    String configError,
    Death lastDeath,
    long logLinesDropped) {
  private static final String EXIT_PREFIX = "exit ";

  public static GatewayOverview of(Profile profile, GatewayStatus status, ServiceManager manager) {
    return of(ProfileSummary.of(profile), status, manager);
  }

  /** The row of a profile whose files were already read (by a listing that shows them too). */
  public static GatewayOverview of(
      ProfileSummary files, GatewayStatus status, ServiceManager manager) {
    Profile profile = files.profile();
    Map<String, Object> state = files.state();
    DesiredState desired =
        DesiredState.parse(state.get(GatewayStateFile.DESIRED_STATE)).orElse(null);
    ActualState actual = status.actual();
    String lastExit = lastExit(status, state);
    if (actual == ActualState.NOT_SUPERVISED) {
      OptionalInt foreground = ForegroundGateway.pid(profile, state);
      if (foreground.isPresent()) {
        return new GatewayOverview(
            profile.name(),
            desired,
            actual,
            ForegroundGateway.REASON,
            null,
            false,
            true,
            ReportedState.RUNNING.word().equals(state.get(GatewayStateFile.GATEWAY_STATE)),
            foreground.getAsInt(),
            ForegroundGateway.uptimeSeconds(state),
            0,
            files.port(),
            null,
            -1,
            files.configError(),
            lastDeath(status, state),
            -1);
      }
    }
    return new GatewayOverview(
        profile.name(),
        desired,
        actual,
        reason(actual, status, state, lastExit, manager),
        status.hold() == null ? null : status.hold().reason(),
        status.registered(),
        status.up(),
        status.ready(),
        status.up() ? status.pid() : -1,
        status.up() ? status.sinceSeconds() : -1,
        Math.max(status.restarts(), 0),
        files.port(),
        lastExit,
        status.backoffSeconds(),
        files.configError(),
        lastDeath(status, state),
        status.logLinesDropped());
  }

  /** One row per profile, in order, from one {@link ServiceManager#statusAll} call. */
  public static List<GatewayOverview> of(List<Profile> profiles, ServiceManager manager) {
    return of(profiles, manager.statusAll(profiles.stream().map(Profile::name).toList()), manager);
  }

  /** One row per profile, with the status of each, in the same order. */
  public static List<GatewayOverview> of(
      List<Profile> profiles, List<GatewayStatus> statuses, ServiceManager manager) {
    List<GatewayOverview> rows = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      rows.add(of(profiles.get(i), statuses.get(i), manager));
    }
    return rows;
  }

  /** The row of a gateway whose status the supervisor could not give: the reason instead. */
  public static GatewayOverview unavailable(String profile, String reason) {
    return new GatewayOverview(
        profile,
        null,
        ActualState.UNKNOWN,
        "status unavailable: " + reason,
        null,
        false,
        false,
        false,
        -1,
        -1,
        0,
        null,
        null,
        -1,
        null,
        null,
        -1);
  }

  /**
   * The exit code of the last run when it exited (the number in {@code exit 1}); empty while it
   * runs, before it ever ran, and when a signal ended it.
   */
  public OptionalInt lastExitCode() {
    if (lastExit == null || !lastExit.startsWith(EXIT_PREFIX)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(lastExit.substring(EXIT_PREFIX.length())));
  }

  /** The state word with its reason, as one line: {@code failed: fatal configuration: ...}. */
  public String stateLine() {
    return reason == null ? actual.word() : actual.word() + ": " + reason;
  }

  /**
   * The row as {@code --json} and the dashboard's API give it: these field names, in this order
   * (snake_case, as the rest of the product's JSON).
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("profile", profile);
    json.put("desired", desired == null ? null : desired.word());
    json.put("actual", actual.word());
    json.put("reason", reason);
    json.put("hold_reason", holdReason == null ? null : holdReason.code());
    json.put("registered", registered);
    json.put("up", up);
    json.put("ready", ready);
    json.put("pid", pid);
    json.put("uptime_seconds", uptimeSeconds);
    json.put("restarts", restarts);
    json.put("port", port);
    json.put("last_exit", lastExit);
    json.put("backoff_seconds", backoffSeconds);
    json.put("config_error", configError);
    json.put("last_death", lastDeath == null ? null : lastDeath.toJson());
    json.put("log_lines_dropped", logLinesDropped);
    return json;
  }

  private static String reason(
      ActualState actual,
      GatewayStatus status,
      Map<String, Object> state,
      String lastExit,
      ServiceManager manager) {
    return switch (actual) {
      case CRASH_LOOP, FAILED -> status.failure();
      case BACKOFF ->
          (status.backoffSeconds() > 0
                  ? "restart in " + status.backoffSeconds() + "s"
                  : "restarting")
              + (lastExit == null ? "" : " after " + lastExit);
      case NOT_SUPERVISED -> manager.unsupervisedReason(status.profile());
      case DOWN, UP, STARTING -> failedStart(state);
      default -> null;
    };
  }

  /** The gateway's own reason for a start that failed, as long as no later run replaced it. */
  private static String failedStart(Map<String, Object> state) {
    Object reason = state.get(GatewayStateFile.EXIT_REASON);
    if (ReportedState.STARTUP_FAILED.word().equals(state.get(GatewayStateFile.GATEWAY_STATE))
        && reason != null) {
      return "last start failed: " + reason;
    }
    return null;
  }

  private static Death lastDeath(GatewayStatus status, Map<String, Object> state) {
    if (status.death() != null) {
      return status.death();
    }
    return state.get(GatewayStateFile.LAST_DEATH) instanceof Map<?, ?> json
        ? Death.fromJson(json).orElse(null)
        : null;
  }

  private static String lastExit(GatewayStatus status, Map<String, Object> state) {
    // A gateway that never ran has no last exit (s6 reports exit code 0 for it). One that ran is
    // known by what it reported, or by the supervisor's count of its exits: a run that failed
    // before it reported anything (its lock refused: exit 1) still ran.
    boolean ran = state.get(GatewayStateFile.GATEWAY_STATE) != null || status.restarts() > 0;
    if (!status.registered() || !ran) {
      return null;
    }
    return status.lastEnd();
  }
}

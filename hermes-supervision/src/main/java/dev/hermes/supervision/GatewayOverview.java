package dev.hermes.supervision;

import dev.hermes.core.FileRefusedException;
import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.HermesException;
import dev.hermes.core.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One gateway as the status table, {@code --json} and the dashboard show it: what the operator
 * asked for ({@code desired_state}), what the supervisor sees, and why it last ended.
 *
 * @param desired {@code desired_state} from gateway_state.json, or null when never set
 * @param actual one word, see {@link GatewayStatus#actual()}
 * @param uptimeSeconds seconds up, or -1 when down
 * @param port the configured gateway port, or null when config.yaml cannot be read
 * @param lastExit why it is held down or last ended ({@code crash loop (...)}, {@code exit 1},
 *     {@code signal KILL}), or null
 * @param configError why the profile's config.yaml or gateway_state.json cannot be used (invalid
 *     YAML, over its size cap, a symbolic link), or null: listings show the profile {@code
 *     bad-config}
 */
public record GatewayOverview(
    String profile,
    String desired,
    String actual,
    boolean registered,
    boolean up,
    boolean ready,
    int pid,
    long uptimeSeconds,
    int restarts,
    Integer port,
    String lastExit,
    String configError) {

  /** ACTUAL of a gateway whose status the supervisor could not give. */
  public static final String UNKNOWN = "unknown";

  /** A row without a configuration problem. */
  public GatewayOverview(
      String profile,
      String desired,
      String actual,
      boolean registered,
      boolean up,
      boolean ready,
      int pid,
      long uptimeSeconds,
      int restarts,
      Integer port,
      String lastExit) {
    this(
        profile,
        desired,
        actual,
        registered,
        up,
        ready,
        pid,
        uptimeSeconds,
        restarts,
        port,
        lastExit,
        null);
  }

  public static GatewayOverview of(Profile profile, GatewayStatus status) {
    Integer port = null;
    String configError = null;
    try {
      port = profile.config().gatewayPort().stream().boxed().findFirst().orElse(null);
    } catch (HermesException e) {
      configError = e.getMessage();
    }
    Map<String, Object> state;
    try {
      state = profile.state().read();
    } catch (FileRefusedException e) {
      state = Map.of();
      configError = configError != null ? configError : e.getMessage();
    }
    return new GatewayOverview(
        profile.name(),
        text(state.get(GatewayStateFile.DESIRED_STATE)),
        status.actual(),
        status.registered(),
        status.up(),
        status.ready(),
        status.up() ? status.pid() : -1,
        status.up() ? status.sinceSeconds() : -1,
        Math.max(status.restarts(), 0),
        port,
        lastExit(status, state),
        configError);
  }

  /** One row per profile, in order, from one {@link ServiceManager#statusAll} call. */
  public static List<GatewayOverview> of(List<Profile> profiles, ServiceManager manager) {
    List<GatewayStatus> statuses = manager.statusAll(profiles.stream().map(Profile::name).toList());
    List<GatewayOverview> rows = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      rows.add(of(profiles.get(i), statuses.get(i)));
    }
    return rows;
  }

  /** The row of a gateway whose status the supervisor could not give: the reason instead. */
  public static GatewayOverview unavailable(String profile, String reason) {
    return new GatewayOverview(
        profile,
        null,
        UNKNOWN,
        false,
        false,
        false,
        -1,
        -1,
        0,
        null,
        "status unavailable: " + reason);
  }

  /**
   * The row as {@code --json} and the dashboard's API give it: these field names, in this order
   * (snake_case, as the rest of the product's JSON).
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("profile", profile);
    json.put("desired", desired);
    json.put("actual", actual);
    json.put("registered", registered);
    json.put("up", up);
    json.put("ready", ready);
    json.put("pid", pid);
    json.put("uptime_seconds", uptimeSeconds);
    json.put("restarts", restarts);
    json.put("port", port);
    json.put("last_exit", lastExit);
    json.put("config_error", configError);
    return json;
  }

  private static String lastExit(GatewayStatus status, Map<String, Object> state) {
    if (status.failure() != null) {
      return status.failure();
    }
    if ("startup_failed".equals(state.get(GatewayStateFile.GATEWAY_STATE))
        && state.get(GatewayStateFile.EXIT_REASON) != null) {
      return String.valueOf(state.get(GatewayStateFile.EXIT_REASON));
    }
    if (status.up() || !status.registered() || state.get(GatewayStateFile.GATEWAY_STATE) == null) {
      // A gateway that never ran has no last exit (s6 reports exit code 0 for it).
      return null;
    }
    if (status.signal() != null) {
      return "signal " + status.signal();
    }
    return status.exitCode() >= 0 ? "exit " + status.exitCode() : null;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}

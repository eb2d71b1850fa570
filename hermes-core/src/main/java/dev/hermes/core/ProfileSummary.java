package dev.hermes.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One profile as the listings read it: its config.yaml and gateway_state.json, each read once, so a
 * listing that shows both the profile and its gateway ({@code profile list}) parses neither twice.
 *
 * @param port the configured gateway port, or null when config.yaml cannot be read
 * @param state the fields of gateway_state.json; empty when it is missing or cannot be used
 * @param configError why config.yaml or gateway_state.json cannot be used (invalid YAML, over its
 *     cap, a symbolic link), or null: the profile then lists as {@code bad-config}
 */
public record ProfileSummary(
    Profile profile, Integer port, Map<String, Object> state, String configError) {

  public ProfileSummary {
    state = Collections.unmodifiableMap(state);
  }

  public static ProfileSummary of(Profile profile) {
    Integer port = null;
    String error = null;
    try {
      port = profile.config().gatewayPort().stream().boxed().findFirst().orElse(null);
    } catch (HermesException e) {
      error = e.getMessage();
    }
    Map<String, Object> state;
    try {
      state = profile.state().read();
    } catch (FileRefusedException e) {
      state = Map.of();
      error = error != null ? error : e.getMessage();
    }
    return new ProfileSummary(profile, port, state, error);
  }

  public String name() {
    return profile.name();
  }

  public String dir() {
    return profile.dir().toString();
  }

  /** {@code desired_state}, or null when the state holds none. */
  public String desired() {
    return text(state.get(GatewayStateFile.DESIRED_STATE));
  }

  /** {@code gateway_state}: what the gateway last wrote about itself, or null. */
  public String reported() {
    return text(state.get(GatewayStateFile.GATEWAY_STATE));
  }

  /** The fields {@code profile list --json} gives each profile before its gateway's. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name());
    json.put("dir", dir());
    json.put("port", port);
    json.put("desired", desired());
    json.put("reported", reported());
    json.put("config_error", configError);
    return json;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}

package dev.hermes.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One profile as listings show it. {@code port} is null when config.yaml cannot be read; {@code
 * desired} and {@code reported} are null when the gateway state holds no such field. {@code
 * configError} says why config.yaml or gateway_state.json cannot be used (invalid YAML, over its
 * cap, a symbolic link): the profile then lists as {@code bad-config}.
 */
public record ProfileSummary(
    String name, String dir, Integer port, String desired, String reported, String configError) {

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
    return new ProfileSummary(
        profile.name(),
        profile.dir().toString(),
        port,
        text(state.get(GatewayStateFile.DESIRED_STATE)),
        text(state.get(GatewayStateFile.GATEWAY_STATE)),
        error);
  }

  /** The summary as {@code profile list --json} and {@code profile show --json} give it. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("dir", dir);
    json.put("port", port);
    json.put("desired", desired);
    json.put("reported", reported);
    json.put("config_error", configError);
    return json;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}

package dev.hermes.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One profile as listings show it. {@code port} is null when config.yaml cannot be read; {@code
 * desired} and {@code reported} are null when the gateway state holds no such field.
 */
public record ProfileSummary(
    String name,
    String dir,
    Integer port,
    String desired,
    String reported,
    @JsonProperty("config_error") String configError) {

  public static ProfileSummary of(Profile profile) {
    Integer port = null;
    String error = null;
    try {
      port = profile.config().gatewayPort().stream().boxed().findFirst().orElse(null);
    } catch (HermesException e) {
      error = e.getMessage();
    }
    Map<String, Object> state = profile.state().read();
    return new ProfileSummary(
        profile.name(),
        profile.dir().toString(),
        port,
        text(state.get(GatewayStateFile.DESIRED_STATE)),
        text(state.get(GatewayStateFile.GATEWAY_STATE)),
        error);
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}

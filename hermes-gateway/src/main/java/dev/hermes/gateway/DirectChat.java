package dev.hermes.gateway;

import dev.hermes.core.ConfigKey;
import dev.hermes.core.HermesException;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileConfig;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One message to a profile's model without a gateway in between: what {@code hermes chat} falls
 * back to when the profile's gateway is not answering. It reads the same settings and uses the same
 * relay as the gateway, so both paths send the same request and fail with the same one-line
 * reasons.
 */
public final class DirectChat {
  private DirectChat() {}

  /**
   * The model's reply to one user message.
   *
   * @throws HermesException when no model is configured, the configuration is invalid, or the model
   *     endpoint is unreachable, too slow or answers an error
   */
  public static String ask(Profile profile, String message) {
    ModelEndpoint endpoint = endpoint(profile);
    // The relay logs for a gateway's supervisor; here stdout carries the answer and nothing else.
    try (GatewayLog quiet =
        new GatewayLog(
            profile.name(), ProcessHandle.current().pid(), OutputStream.nullOutputStream())) {
      Map<String, Object> reply =
          new ModelRelay(endpoint, quiet)
              .relay(List.of(Map.of("role", "user", "content", message)));
      return String.valueOf(reply.get("reply"));
    } catch (HttpError e) {
      throw new HermesException(e.getMessage());
    }
  }

  /**
   * How long the profile's model may take to answer ({@code model.timeout_seconds}, default 60 s):
   * a gateway relaying a message waits this long before it answers 504.
   */
  public static Duration answerTimeout(Profile profile) {
    try {
      return GatewaySettings.timeout(profile.config());
    } catch (FatalConfigurationException | HermesException e) {
      // A running gateway validated its own copy of the setting at startup; use the default.
      return GatewaySettings.DEFAULT_MODEL_TIMEOUT;
    }
  }

  private static ModelEndpoint endpoint(Profile profile) {
    ProfileConfig config = profile.config();
    try {
      return GatewaySettings.model(config, profile.envFile())
          .orElseThrow(
              () ->
                  new HermesException(
                      "no model configured for profile '"
                          + profile.name()
                          + "': set "
                          + ConfigKey.MODEL_BASE_URL
                          + " and "
                          + ConfigKey.MODEL_NAME
                          + " in "
                          + config.path()
                          + " (and "
                          + GatewaySettings.API_KEY_VARIABLE
                          + " in "
                          + profile.envFile()
                          + " if the endpoint needs a key)"));
    } catch (FatalConfigurationException e) {
      throw new HermesException(e.getMessage());
    }
  }
}

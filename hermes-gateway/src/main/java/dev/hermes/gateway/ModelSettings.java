package dev.hermes.gateway;

import dev.hermes.core.ConfigKey;
import dev.hermes.core.HermesException;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a profile's model settings come to, judged by the very rules the gateway applies when it
 * starts ({@link GatewaySettings}): {@link Configured}, {@link Missing} (the gateway runs and every
 * chat answers 503 until both are set) or {@link Invalid} (the gateway exits {@link
 * GatewayExitCodes#FATAL_CONFIGURATION} and s6 holds it down). For {@code hermes doctor}, which
 * must not judge them by rules of its own.
 */
public final class ModelSettings {
  /** The key of the bearer token in the profile's {@code .env}. */
  public static final String API_KEY_VARIABLE = GatewaySettings.API_KEY_VARIABLE;

  private ModelSettings() {}

  /** One of {@link Configured}, {@link Missing}, {@link Invalid}. */
  public sealed interface Verdict permits Configured, Missing, Invalid {}

  /**
   * Both settings are set and valid.
   *
   * @param apiKey whether {@code .env} sets {@value #API_KEY_VARIABLE}; without it the relay sends
   *     no {@code Authorization} header, which is what local model servers expect
   */
  public record Configured(URI chatCompletions, String model, boolean apiKey) implements Verdict {}

  /**
   * No model: the settings that are not set ({@code model.base_url}, {@code model.name}), in that
   * order.
   */
  public record Missing(List<String> unset, ProfileConfig config) implements Verdict {}

  /** A setting the gateway refuses to start with; {@code reason} is its one-line exit reason. */
  public record Invalid(String reason) implements Verdict {}

  /**
   * The verdict on {@code profile}'s model settings.
   *
   * @throws HermesException when its {@code config.yaml} cannot be read or parsed at all (a problem
   *     of the whole file, reported by whoever reads it first)
   */
  public static Verdict examine(Profile profile) {
    ProfileConfig config = profile.config();
    Optional<ModelEndpoint> endpoint;
    try {
      endpoint = GatewaySettings.model(config, profile.envFile());
    } catch (FatalConfigurationException e) {
      return new Invalid(e.getMessage());
    } catch (HermesException e) {
      // A value of the wrong type (model.timeout_seconds: soon): GatewaySettings.load makes
      // these fatal too.
      return new Invalid(e.getMessage());
    }
    if (endpoint.isPresent()) {
      ModelEndpoint model = endpoint.get();
      return new Configured(model.chatCompletions(), model.model(), model.apiKey().isPresent());
    }
    List<String> unset = new ArrayList<>();
    for (ConfigKey key : List.of(ConfigKey.MODEL_BASE_URL, ConfigKey.MODEL_NAME)) {
      if (GatewaySettings.setting(config, key).isEmpty()) {
        unset.add(key.path());
      }
    }
    return new Missing(List.copyOf(unset), config);
  }
}

package dev.hermes.gateway;

import dev.hermes.core.ConfigKey;
import dev.hermes.core.EnvFile;
import dev.hermes.core.FileRefusedException;
import dev.hermes.core.HermesException;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the gateway reads from its profile, validated once at startup.
 *
 * <p>{@code config.yaml}: {@code gateway.host} (default 127.0.0.1), {@code gateway.port}
 * (required), {@code model.base_url} (an OpenAI-compatible base such as {@code
 * http://127.0.0.1:9999/v1}; requests go to {@code <base_url>/chat/completions}), {@code
 * model.name}, {@code model.timeout_seconds} (default 60).
 *
 * <p>{@code .env}: {@value #API_KEY_VARIABLE}, sent as {@code Authorization: Bearer <key>} when
 * set. Secrets stay out of {@code config.yaml}, which is world-readable.
 *
 * <p>Anything that cannot work is a {@link FatalConfigurationException}. A model that is simply not
 * configured is not: the gateway runs and /v1/messages explains what to set.
 */
record GatewaySettings(String host, int port, Optional<ModelEndpoint> model, Path configFile) {
  static final String API_KEY_VARIABLE = "MODEL_API_KEY";
  static final Duration DEFAULT_MODEL_TIMEOUT = Duration.ofSeconds(60);

  static GatewaySettings load(Profile profile) throws FatalConfigurationException {
    try {
      ProfileConfig config = profile.config();
      int port = port(config);
      Optional<ModelEndpoint> model = model(config, profile.envFile());
      return new GatewaySettings(config.gatewayHost(), port, model, config.path());
    } catch (HermesException e) {
      // ProfileConfig's own one-line errors: invalid YAML, a non-integer where one is needed.
      throw new FatalConfigurationException(e.getMessage());
    }
  }

  private static int port(ProfileConfig config) throws FatalConfigurationException {
    OptionalInt port = config.gatewayPort();
    if (port.isEmpty()) {
      throw new FatalConfigurationException(
          ConfigKey.GATEWAY_PORT + " is not set in " + config.path());
    }
    if (port.getAsInt() < 1 || port.getAsInt() > 65535) {
      throw new FatalConfigurationException(
          ConfigKey.GATEWAY_PORT
              + " must be between 1 and 65535 in "
              + config.path()
              + ", got "
              + port.getAsInt());
    }
    return port.getAsInt();
  }

  static Optional<ModelEndpoint> model(ProfileConfig config, Path envFile)
      throws FatalConfigurationException {
    // Read even when no model is configured: a .env hermes refuses (a link, too large) stops the
    // start now rather than being noticed once a model is set.
    Optional<String> apiKey = apiKey(envFile);
    Optional<String> baseUrl = setting(config, ConfigKey.MODEL_BASE_URL);
    Optional<String> name = setting(config, ConfigKey.MODEL_NAME);
    // Validate the URL even without a name: a typo should fail now, not on the first message.
    URI chatUri = null;
    if (baseUrl.isPresent()) {
      String chat = baseUrl.get().replaceAll("/+$", "") + "/chat/completions";
      chatUri = httpUri(chat, baseUrl.get(), config.path());
    }
    Duration timeout = timeout(config);
    if (chatUri == null || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ModelEndpoint(chatUri, name.get(), apiKey, timeout));
  }

  /** A text setting as the gateway reads it: stripped, and absent when blank. */
  static Optional<String> setting(ProfileConfig config, ConfigKey key) {
    return config.text(key).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static URI httpUri(String url, String configured, Path configFile)
      throws FatalConfigurationException {
    String problem;
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        problem = "must start with http:// or https://";
      } else if (uri.getHost() == null) {
        problem = "has no host";
      } else {
        return uri;
      }
    } catch (URISyntaxException e) {
      problem = "is not a URL (" + e.getReason() + ")";
    }
    throw new FatalConfigurationException(
        ConfigKey.MODEL_BASE_URL + " '" + configured + "' in " + configFile + " " + problem);
  }

  static Duration timeout(ProfileConfig config) throws FatalConfigurationException {
    OptionalInt seconds = config.integer(ConfigKey.MODEL_TIMEOUT_SECONDS);
    if (seconds.isEmpty()) {
      return DEFAULT_MODEL_TIMEOUT;
    }
    if (seconds.getAsInt() < 1) {
      throw new FatalConfigurationException(
          ConfigKey.MODEL_TIMEOUT_SECONDS + " must be at least 1 in " + config.path());
    }
    return Duration.ofSeconds(seconds.getAsInt());
  }

  private static Optional<String> apiKey(Path envFile) throws FatalConfigurationException {
    Map<String, String> env;
    try {
      env = EnvFile.values(envFile);
    } catch (IOException e) {
      throw new FatalConfigurationException("could not read " + envFile + ": " + e.getMessage());
    } catch (FileRefusedException e) {
      throw new FatalConfigurationException(e.getMessage());
    }
    return Optional.ofNullable(env.get(API_KEY_VARIABLE)).filter(s -> !s.isEmpty());
  }
}

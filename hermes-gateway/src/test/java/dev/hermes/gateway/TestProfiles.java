package dev.hermes.gateway;

import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Profiles in a temporary directory, with the config and .env a test needs. */
final class TestProfiles {
  private TestProfiles() {}

  static Profile create(Path root, String name, String configYaml) {
    try {
      Path dir = root.resolve(name);
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(Profile.SOUL), "test profile\n");
      Files.writeString(dir.resolve(Profile.CONFIG), configYaml);
      return new Profile(name, dir, root.resolve("logs").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeEnv(Profile profile, String content) {
    try {
      Files.writeString(profile.envFile(), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String gatewayConfig(int port) {
    return "gateway:\n  host: 127.0.0.1\n  port: " + port + "\n";
  }

  static String gatewayConfig(int port, String baseUrl, String model, int timeoutSeconds) {
    return gatewayConfig(port)
        + "model:\n  base_url: "
        + baseUrl
        + "\n  name: "
        + model
        + "\n  timeout_seconds: "
        + timeoutSeconds
        + "\n";
  }

  static Map<String, Object> state(Profile profile) {
    return new GatewayStateFile(profile.stateFile()).read();
  }

  /** A port nothing listens on right now: bind port 0, note the number, let it go. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

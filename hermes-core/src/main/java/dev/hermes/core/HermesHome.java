package dev.hermes.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * The persistent root and its layout. The {@code default} profile lives in the root itself; every
 * other profile lives under {@code profiles/}.
 */
public final class HermesHome {
  private final Path root;

  public HermesHome(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** {@code HERMES_HOME} when set and not blank, else {@code ~/.hermes}. */
  public static HermesHome fromEnvironment(Map<String, String> env, String userHome) {
    String configured = env.get("HERMES_HOME");
    if (configured != null && !configured.isBlank()) {
      return new HermesHome(Path.of(configured));
    }
    return new HermesHome(Path.of(userHome, ".hermes"));
  }

  public static HermesHome fromEnvironment() {
    return fromEnvironment(System.getenv(), System.getProperty("user.home"));
  }

  public Path root() {
    return root;
  }

  public Path profilesDir() {
    return root.resolve("profiles");
  }

  public Path logsDir() {
    return root.resolve("logs");
  }

  public Path gatewayLogsDir() {
    return logsDir().resolve("gateways");
  }

  /** Where {@code hermes up} keeps its runtime files (the local gateway scandir among them). */
  public Path runDir() {
    return root.resolve("run");
  }

  /** The profile directory for a validated name. */
  public Profile profile(String name) {
    ProfileNames.validate(name);
    Path dir = ProfileNames.DEFAULT.equals(name) ? root : profilesDir().resolve(name);
    return new Profile(name, dir, gatewayLogsDir().resolve(name));
  }

  @Override
  public String toString() {
    return root.toString();
  }
}

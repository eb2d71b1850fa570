package dev.hermes.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** One tenant: its directory, the files in it, and where its gateway logs go. */
public record Profile(String name, Path dir, Path logDir) {
  public static final String CONFIG = "config.yaml";
  public static final String ENV = ".env";
  public static final String SOUL = "SOUL.md";
  public static final String STATE = "gateway_state.json";
  public static final String PID = "gateway.pid";
  public static final String PROCESSES = "processes.json";
  public static final String LOCK = "gateway.lock";

  public boolean isDefault() {
    return ProfileNames.DEFAULT.equals(name);
  }

  public Path configFile() {
    return dir.resolve(CONFIG);
  }

  public Path envFile() {
    return dir.resolve(ENV);
  }

  public Path soulFile() {
    return dir.resolve(SOUL);
  }

  public Path stateFile() {
    return dir.resolve(STATE);
  }

  public Path pidFile() {
    return dir.resolve(PID);
  }

  public Path processesFile() {
    return dir.resolve(PROCESSES);
  }

  public Path lockFile() {
    return dir.resolve(LOCK);
  }

  /** The default profile always exists; others exist when their directory holds SOUL.md. */
  public boolean exists() {
    return isDefault() || Files.isRegularFile(soulFile());
  }

  public GatewayStateFile state() {
    return new GatewayStateFile(stateFile());
  }

  public ProfileConfig config() {
    return ProfileConfig.load(configFile());
  }
}

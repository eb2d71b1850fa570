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

  /**
   * The crash times of the gateway's current crash streak, one epoch second per line: written by
   * the s6 slot's finish script, here rather than in the slot so that the streak outlives the slot
   * (a container's scandir is on tmpfs, and {@code hermes up} rebuilds its slots).
   */
  public static final String CRASH_STREAK = "crash_streak";

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

  public Path crashStreakFile() {
    return dir.resolve(CRASH_STREAK);
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

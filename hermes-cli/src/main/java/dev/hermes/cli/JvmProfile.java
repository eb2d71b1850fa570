package dev.hermes.cli;

import java.util.Locale;

/**
 * The JVM flags and class-data cache {@code bin/hermes} starts a command with. A command's spec
 * names it ({@link CommandSpec#server}); the flags themselves are the launcher's (see its header),
 * which reads each command's profile from the file {@link LaunchProfiles} writes. A server's word
 * is also the name of its cache ({@code hermes-gateway-...}) and its training's argument ({@link
 * CacheTraining}).
 */
public enum JvmProfile {
  /** Every short-lived command: the CLI's flags and cache. */
  CLI,
  /** {@code gateway run}: a small heap, the gateway's own cache. */
  GATEWAY,
  /** {@code dashboard}: a small heap that is given back, the dashboard's own cache. */
  DASHBOARD;

  /** How the launch profiles file and the launcher name it: {@code cli}, {@code gateway}... */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.hermes.core;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ports no profile may claim, each with what holds it. Today that is the dashboard's port: a
 * gateway given it wins or loses a race with the dashboard at every start, and the loser is held
 * down.
 */
public final class ReservedPorts {
  /** The dashboard's port variable and default, here so profiles and the dashboard agree. */
  public static final String DASHBOARD_PORT_VARIABLE = "HERMES_DASHBOARD_PORT";

  public static final int DEFAULT_DASHBOARD_PORT = 9119;

  /** For stores that only read profiles and never hand out a port. */
  public static final ReservedPorts NONE = new ReservedPorts(Map.of());

  private final Map<Integer, String> holders;

  private ReservedPorts(Map<Integer, String> holders) {
    this.holders = Map.copyOf(holders);
  }

  /**
   * The dashboard's port as this environment sets it (default {@value #DEFAULT_DASHBOARD_PORT}). A
   * value the dashboard would refuse reserves the default: that is the port it falls back to once
   * the variable is fixed, and the dashboard itself reports the bad value.
   */
  public static ReservedPorts from(Map<String, String> env) {
    int port = dashboardPort(env);
    if (port == 0) {
      return NONE;
    }
    return new ReservedPorts(
        Map.of(port, "the dashboard (" + DASHBOARD_PORT_VARIABLE + ", default 9119)"));
  }

  /** What holds {@code port}, if it is reserved. */
  public Optional<String> holder(int port) {
    return Optional.ofNullable(holders.get(port));
  }

  public Set<Integer> ports() {
    return holders.keySet();
  }

  private static int dashboardPort(Map<String, String> env) {
    String value = env.get(DASHBOARD_PORT_VARIABLE);
    if (value == null || !value.strip().matches("\\d{1,5}")) {
      return DEFAULT_DASHBOARD_PORT;
    }
    int port = Integer.parseInt(value.strip());
    return port <= 65535 ? port : DEFAULT_DASHBOARD_PORT;
  }
}

package dev.hermes.core;

/**
 * Every {@code config.yaml} key hermes reads, in one place: its dotted path and which file holds
 * it. The classes that read a key name it from here; docs/cli.md "Configuration keys" lists the
 * same keys with their defaults ({@code ConfigKeyTest} holds the page to this list).
 *
 * <p>{@link #toString()} is the path, so an error message can say {@code GATEWAY_PORT + " is not
 * set"}.
 */
public enum ConfigKey {
  GATEWAY_HOST("gateway.host", Where.PROFILE),
  GATEWAY_PORT("gateway.port", Where.PROFILE),
  GATEWAY_PORT_RANGE("gateway.port_range", Where.HOME),
  MODEL_BASE_URL("model.base_url", Where.PROFILE),
  MODEL_NAME("model.name", Where.PROFILE),
  MODEL_TIMEOUT_SECONDS("model.timeout_seconds", Where.PROFILE),
  CRASH_LOOP_MAX_EXITS("supervision.crash_loop.max_exits", Where.HOME),
  CRASH_LOOP_HEALTHY_SECONDS("supervision.crash_loop.healthy_seconds", Where.HOME),
  CRASH_LOOP_BACKOFF_BASE("supervision.crash_loop.backoff_base", Where.HOME),
  CRASH_LOOP_BACKOFF_CAP("supervision.crash_loop.backoff_cap", Where.HOME),
  CRASH_LOOP_FLEET_RESTARTS_PER_SECOND(
      "supervision.crash_loop.fleet_restarts_per_second", Where.HOME),
  AUDIT_MAX_BYTES("audit.max_bytes", Where.HOME);

  /** Which {@code config.yaml} a key is read from. */
  public enum Where {
    /** Each profile's own: {@code profiles/P/config.yaml}, or the home's for the default. */
    PROFILE,
    /** Only {@code $HERMES_HOME/config.yaml}: it applies to every profile. */
    HOME
  }

  private final String path;
  private final Where where;

  ConfigKey(String path, Where where) {
    this.path = path;
    this.where = where;
  }

  public String path() {
    return path;
  }

  public Where where() {
    return where;
  }

  @Override
  public String toString() {
    return path;
  }
}

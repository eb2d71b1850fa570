package dev.hermes.gateway;

import dev.hermes.core.FileRefusedException;
import dev.hermes.core.GatewayStateFile;
import dev.hermes.core.Version;
import dev.hermes.core.state.Death;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The current {@link GatewayState}, and its report in {@code gateway_state.json}. Only the
 * gateway's own fields are merged in: {@code desired_state} belongs to the lifecycle commands and
 * is never written here.
 */
final class GatewayLifecycle {
  private final GatewayStateFile file;
  private final Clock clock;
  private final GatewayLog log;
  private final long pid;
  private final Instant startTime;
  private final long startNanos = System.nanoTime();
  private volatile GatewayState state = GatewayState.STARTING;

  GatewayLifecycle(GatewayStateFile file, Clock clock, long pid, GatewayLog log) {
    this.file = file;
    this.clock = clock;
    this.log = log;
    this.pid = pid;
    this.startTime = now();
  }

  GatewayState current() {
    return state;
  }

  long uptimeSeconds() {
    return (System.nanoTime() - startNanos) / 1_000_000_000L;
  }

  /**
   * Reports {@code starting}, forgets the reason a previous run failed, and keeps how the previous
   * run ended when the supervisor recorded it.
   */
  void reportStarting(Optional<Death> previousRun) {
    Map<String, Object> fields = new HashMap<>();
    fields.put(GatewayStateFile.GATEWAY_STATE, GatewayState.STARTING.wireName());
    fields.put(GatewayStateFile.PID, pid);
    fields.put(GatewayStateFile.START_TIME, startTime.toString());
    fields.put(GatewayStateFile.UPDATED_AT, now().toString());
    fields.put(GatewayStateFile.VERSION, Version.get());
    fields.put(GatewayStateFile.EXIT_REASON, null);
    previousRun.ifPresent(death -> fields.put(GatewayStateFile.LAST_DEATH, death.toJson()));
    write(fields);
  }

  /** Applies {@code event} and reports the new state when other programs care about it. */
  synchronized GatewayState fire(GatewayState.Event event) {
    return fire(event, null);
  }

  /** Startup failed: {@code startup_failed} with the one-line reason in {@code exit_reason}. */
  synchronized GatewayState fail(String reason) {
    return fire(GatewayState.Event.FAILED, GatewayLog.oneLine(reason));
  }

  private GatewayState fire(GatewayState.Event event, String exitReason) {
    GatewayState next = state.on(event);
    state = next;
    if (next.persisted()) {
      Map<String, Object> fields = new HashMap<>();
      fields.put(GatewayStateFile.GATEWAY_STATE, next.wireName());
      fields.put(GatewayStateFile.UPDATED_AT, now().toString());
      if (exitReason != null) {
        fields.put(GatewayStateFile.EXIT_REASON, exitReason);
      }
      write(fields);
    }
    return next;
  }

  /**
   * A state file we cannot write (full disk, read-only mount, a link hermes refuses) is reported
   * but does not stop the gateway: serving matters more than reporting, and the supervisor still
   * sees the process.
   */
  private void write(Map<String, Object> fields) {
    try {
      file.merge(fields);
    } catch (UncheckedIOException | FileRefusedException e) {
      log.warning(e.getMessage());
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

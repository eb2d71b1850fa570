package dev.hermes.gateway;

import dev.hermes.core.state.ReportedState;

/**
 * The gateway's own lifecycle. Only the states other programs need are written to {@code
 * gateway_state.json}; {@code STOPPING} lives in memory so /health and /status can report the drain
 * without the boot reconciler ever reading a transient value.
 */
enum GatewayState {
  STARTING(ReportedState.STARTING.word(), true),
  RUNNING(ReportedState.RUNNING.word(), true),
  STOPPING("stopping", false),
  STOPPED(ReportedState.STOPPED.word(), true),
  STARTUP_FAILED(ReportedState.STARTUP_FAILED.word(), true);

  /** What can happen to a gateway. */
  enum Event {
    /** The port is bound and a request to our own /health answered. */
    READY,
    /** Startup could not complete. */
    FAILED,
    /** SIGTERM, SIGINT or an in-process stop request. */
    STOP_REQUESTED,
    /** In-flight requests finished (or the drain timeout ran out) and the server is closed. */
    DRAINED
  }

  private final String wireName;
  private final boolean persisted;

  GatewayState(String wireName, boolean persisted) {
    this.wireName = wireName;
    this.persisted = persisted;
  }

  /** The value in {@code gateway_state.json} and /status. */
  String wireName() {
    return wireName;
  }

  /** Whether this state is written to {@code gateway_state.json}. */
  boolean persisted() {
    return persisted;
  }

  /** The state after {@code event}; an event that cannot happen in this state is a bug. */
  GatewayState on(Event event) {
    switch (this) {
      case STARTING:
        switch (event) {
          case READY:
            // STARTING -> RUNNING
            return RUNNING;
          case FAILED:
            // STARTING -> STARTUP_FAILED
            return STARTUP_FAILED;
          case STOP_REQUESTED:
            // STARTING -> STOPPING: a signal during startup stops without ever reporting running.
            return STOPPING;
          default:
            break;
        }
        break;
      case RUNNING:
        if (event == Event.STOP_REQUESTED) {
          // RUNNING -> STOPPING
          return STOPPING;
        }
        break;
      case STOPPING:
        if (event == Event.DRAINED) {
          // STOPPING -> STOPPED
          return STOPPED;
        }
        break;
      default:
        // STOPPED and STARTUP_FAILED are final: the process exits next.
        break;
    }
    throw new IllegalStateException("no gateway transition from " + this + " on " + event);
  }
}

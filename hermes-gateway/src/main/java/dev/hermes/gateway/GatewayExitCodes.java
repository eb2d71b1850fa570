package dev.hermes.gateway;

/**
 * The gateway's exit codes, in one place because the supervisors read them: s6's finish script and
 * the crash-loop policy treat 78 as "do not restart".
 */
public final class GatewayExitCodes {
  /** Stopped on request (SIGTERM, SIGINT) after draining. */
  public static final int CLEAN_STOP = 0;

  /** An unexpected failure, or a start refused because another instance holds the profile. */
  public static final int FAILURE = 1;

  /** The gateway asks its supervisor to start it again (reserved; nothing requests it yet). */
  public static final int RESTART_REQUESTED = 75;

  /**
   * The configuration cannot work (bad YAML, missing port, invalid model URL, port taken by another
   * program): restarting would fail the same way. Same value as sysexits' EX_CONFIG.
   */
  public static final int FATAL_CONFIGURATION = 78;

  private GatewayExitCodes() {}
}

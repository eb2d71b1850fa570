package dev.hermes.dashboard;

import dev.hermes.core.HermesException;

/**
 * The dashboard will not start with this configuration (no login available on a non-loopback
 * address, an address it cannot listen on, half a username/password pair). Restarting would fail
 * the same way, so front ends exit {@value #EXIT_CODE}, which the supervised slot reads as "stay
 * down".
 */
public final class DashboardRefusedException extends HermesException {
  private static final long serialVersionUID = 1L;

  /** The same "fatal configuration" code the gateway uses (sysexits' EX_CONFIG). */
  public static final int EXIT_CODE = 78;

  public DashboardRefusedException(String message) {
    super(message);
  }
}

package dev.hermes.gateway;

/**
 * A configuration the gateway cannot run with; restarting would fail the same way, so the process
 * exits {@link GatewayExitCodes#FATAL_CONFIGURATION}. The message is one line and becomes the
 * {@code exit_reason} after {@code "fatal configuration: "}.
 */
final class FatalConfigurationException extends Exception {
  private static final long serialVersionUID = 1L;

  FatalConfigurationException(String message) {
    super(GatewayLog.oneLine(message));
  }
}

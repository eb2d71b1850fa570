package dev.hermes.gateway;

/**
 * A request that ends with an error status and a one-line reason; the router turns it into {@code
 * {"error": reason}}. Carries no stack trace into the response, and needs none: every use is an
 * expected outcome.
 */
final class HttpError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpError(int status, String reason) {
    super(GatewayLog.oneLine(reason), null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}

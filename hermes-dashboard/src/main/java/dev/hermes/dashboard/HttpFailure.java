package dev.hermes.dashboard;

/**
 * A request that ends with a 4xx or 5xx status and a one-line reason, which the handler turns into
 * {@code {"error": reason}}. Expected outcomes only, so it carries no stack trace.
 */
final class HttpFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String allow;

  HttpFailure(int status, String reason) {
    this(status, reason, null);
  }

  private HttpFailure(int status, String reason, String allow) {
    super(reason, null, false, false);
    this.status = status;
    this.allow = allow;
  }

  /** 405, naming the methods the path answers. */
  static HttpFailure methodNotAllowed(String allow) {
    return new HttpFailure(405, "method not allowed: use " + allow, allow);
  }

  /** The Allow header of a 405, else null. */
  String allow() {
    return allow;
  }

  int status() {
    return status;
  }
}

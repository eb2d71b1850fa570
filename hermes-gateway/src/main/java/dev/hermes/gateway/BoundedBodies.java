package dev.hermes.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reading bodies without trusting their senders: a body is read up to a limit and refused past it,
 * so a hostile client cannot make the gateway buffer without bound.
 */
final class BoundedBodies {
  /** Thrown when a body is longer than the limit. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long limit) {
      super("body larger than " + limit + " bytes");
    }
  }

  private BoundedBodies() {}

  /** The whole of {@code in} if it holds at most {@code limit} bytes. */
  static byte[] read(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > limit) {
        throw new TooLargeException(limit);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Reads and drops up to {@code limit} bytes; true when {@code in} ended within them. Used after
   * refusing a body: a server that closes a socket with unread input makes the kernel send a reset,
   * which can destroy the refusal before the client reads it.
   */
  static boolean discard(InputStream in, long limit) {
    byte[] buffer = new byte[8192];
    long total = 0;
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > limit) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

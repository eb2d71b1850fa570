package dev.hermes.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks our own {@code /health} before declaring readiness, so "ready" means a client really gets an
 * answer, not just that bind() returned. A plain socket: loading an HTTP client for one request
 * would cost an idle gateway memory for the rest of its life.
 */
final class HealthProbe {
  private HealthProbe() {}

  /**
   * True when {@code GET /health} on {@code bound} gets our handler's answer within {@code
   * timeout}.
   */
  static boolean answers(InetSocketAddress bound, Duration timeout) {
    InetSocketAddress target =
        new InetSocketAddress(reachable(bound.getAddress()), bound.getPort());
    int millis = (int) Math.max(1, timeout.toMillis());
    try (Socket socket = new Socket()) {
      socket.connect(target, millis);
      socket.setSoTimeout(millis);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return statusLine(socket.getInputStream()).matches("HTTP/1\\.[01] (200|503)( .*)?");
    } catch (IOException e) {
      return false;
    }
  }

  /** A wildcard bind address is not something to connect to; its loopback twin is. */
  private static InetAddress reachable(InetAddress address) {
    if (!address.isAnyLocalAddress()) {
      return address;
    }
    try {
      return InetAddress.getByName(address.getAddress().length == 4 ? "127.0.0.1" : "::1");
    } catch (IOException e) {
      return InetAddress.getLoopbackAddress();
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n' && line.length() < 200) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}

package dev.hermes.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One {@code GET} on a new connection to 127.0.0.1, answered within a deadline or not at all: a new
 * connection each time, because what slow clients starve is the server's accepting and reading of
 * new ones (a pooled keep-alive connection would hide it).
 */
public final class TimedGet {
  private TimedGet() {}

  /**
   * The status code of {@code GET path}, or -1 when the connection, the request or the status line
   * took longer than {@code within} in all, or the server closed the connection without one.
   */
  public static int status(int port, String path, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port), remaining(deadline));
      socket.setSoTimeout(remaining(deadline));
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return statusCode(socket, deadline);
    } catch (IOException e) {
      // A timeout, a refused or reset connection: no answer within the deadline.
      return -1;
    }
  }

  // Reads "HTTP/1.1 200 ..." up to its second space, every read bounded by what is left.
  private static int statusCode(Socket socket, long deadline) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    int spaces = 0;
    while (spaces < 2) {
      socket.setSoTimeout(remaining(deadline));
      int b = in.read();
      if (b < 0 || b == '\r' || line.length() > 64) {
        break;
      }
      if (b == ' ') {
        spaces++;
      }
      line.append((char) b);
    }
    String[] parts = line.toString().split(" ");
    return parts.length >= 2 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
  }

  private static int remaining(long deadline) throws SocketTimeoutException {
    long millis = (deadline - System.nanoTime()) / 1_000_000;
    if (millis <= 0) {
      throw new SocketTimeoutException("deadline passed");
    }
    return (int) millis;
  }
}

package dev.hermes.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket for the cache-training runs: the JDK's HTTP client is part of
 * neither an idle gateway nor the dashboard, so it must not be what the training loads.
 */
final class TrainingHttp {
  private TrainingHttp() {}

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    }
  }

  /** Repeats {@code requestLine} until it is answered 200 or {@code timeoutMillis} have passed. */
  static void awaitOk(int port, String requestLine, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!request(port, requestLine, null).contains(" 200 ")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
  }

  /** One request to 127.0.0.1:port with a JSON body (or none); the raw response, or "". */
  static String request(int port, String requestLine, String jsonBody) {
    return request(port, requestLine, "", jsonBody);
  }

  /**
   * As {@link #request(int, String, String)}, with extra header lines ({@code "Name: value\r\n"}
   * each).
   */
  static String request(int port, String requestLine, String headers, String jsonBody) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (Socket socket = new Socket(loopback, port)) {
      socket.setSoTimeout(5000);
      byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
      String head =
          requestLine
              + " HTTP/1.1\r\nHost: "
              + loopback.getHostAddress()
              + ":"
              + port
              + "\r\nConnection: close\r\n"
              + headers
              + (jsonBody == null
                  ? ""
                  : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
              + "\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}

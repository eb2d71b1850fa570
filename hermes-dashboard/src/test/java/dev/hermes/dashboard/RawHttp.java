package dev.hermes.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client over a socket to 127.0.0.1, because the tests must send exactly the
 * headers a browser or an attacker would (Host, Origin, Sec-Fetch-Site), which the JDK's client
 * restricts.
 */
final class RawHttp {
  record Response(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    List<String> all(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The value of the session cookie this response sets, or null. */
    String cookie() {
      for (String c : all("Set-Cookie")) {
        if (c.startsWith("hermes_dashboard_")) {
          return c.substring(0, c.indexOf(';'));
        }
      }
      return null;
    }
  }

  private final int port;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String body = "";

  private RawHttp(int port) {
    this.port = port;
    headers.put("Host", "127.0.0.1:" + port);
  }

  static RawHttp to(int port) {
    return new RawHttp(port);
  }

  /** Sets a header; a null value removes it (e.g. Host). */
  RawHttp header(String name, String value) {
    if (value == null) {
      headers.remove(name);
    } else {
      headers.put(name, value);
    }
    return this;
  }

  RawHttp cookie(String cookie) {
    return cookie == null ? this : header("Cookie", cookie);
  }

  /** A same-origin request as the page sends it. */
  RawHttp sameOrigin() {
    return header("Origin", "http://127.0.0.1:" + port).header("Sec-Fetch-Site", "same-origin");
  }

  RawHttp json(String json) {
    this.body = json;
    return header("Content-Type", "application/json");
  }

  Response get(String path) {
    return send("GET", path);
  }

  Response post(String path) {
    return send("POST", path);
  }

  Response send(String method, String path) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      byte[] payload = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      request.append("Content-Length: ").append(payload.length).append("\r\n");
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.write(payload);
      out.flush();
      return parse(socket.getInputStream());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    }
  }

  private static Response parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int split = text.indexOf("\r\n\r\n");
    String[] head = text.substring(0, split).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers
          .computeIfAbsent(
              head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(head[i].substring(colon + 1).strip());
    }
    return new Response(status, headers, text.substring(split + 4));
  }
}

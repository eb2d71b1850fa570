package dev.hermes.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The page's files, read from the jar once at start. Only these exact paths exist: nothing is
 * looked up from a request path, so no path can reach anything else.
 */
final class StaticFiles {
  record File(String contentType, byte[] body) {}

  private static final String BASE = "static/";

  private final Map<String, File> files;

  private StaticFiles(Map<String, File> files) {
    this.files = files;
  }

  static StaticFiles load() {
    return new StaticFiles(
        Map.of(
            "/", file("index.html", "text/html; charset=utf-8"),
            "/login", file("login.html", "text/html; charset=utf-8"),
            "/app.js", file("app.js", "text/javascript; charset=utf-8"),
            "/login.js", file("login.js", "text/javascript; charset=utf-8"),
            "/style.css", file("style.css", "text/css; charset=utf-8")));
  }

  Optional<File> get(String path) {
    return Optional.ofNullable(files.get(path));
  }

  private static File file(String name, String contentType) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BASE + name);
      }
      return new File(contentType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

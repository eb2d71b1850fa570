package dev.hermes.cli.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the dashboard tests share: the URL hermes up prints, and waiting for it to answer. */
final class Dashboards {
  private static final Pattern URL = Pattern.compile("\\n  dashboard    (http://\\S+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Dashboards() {}

  /** The dashboard URL from hermes up's welcome block. */
  static String url(HermesUp up) {
    Matcher m = URL.matcher(up.output());
    if (!m.find()) {
      throw new AssertionError("no dashboard URL in:\n" + up.output());
    }
    return m.group(1);
  }

  /** GET {@code url + path}'s status, or -1 when nothing answers. */
  static int status(String url, String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static void awaitServing(String url, Duration timeout) {
    await("the dashboard at " + url + " answering /api/session")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> status(url, "/api/session"), status -> status == 200);
  }

  /** {@code s6-svstat -o FIELDS} on the dashboard slot of hermes up's scandir. */
  static String svstat(Path home, String fields) {
    try {
      Process p =
          new ProcessBuilder(
                  S6UnderTest.tool("s6-svstat"),
                  "-o",
                  fields,
                  home.resolve("run/service/dashboard").toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return out;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}

package dev.hermes.dashboard;

import dev.hermes.core.ConfigKey;
import dev.hermes.core.FileRefusedException;
import dev.hermes.core.HermesException;
import dev.hermes.core.HermesHome;
import dev.hermes.core.LogTail;
import dev.hermes.core.OwnFiles;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileConfig;
import dev.hermes.core.ProfileSummary;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The detail view's data: {@code /api/gateways/P/detail} (what {@code hermes profile show} says,
 * and the model endpoint without anything secret), {@code /api/gateways/P/log?after=N} (the log's
 * lines since byte N, so the page follows it without rereading it) and {@code
 * /api/gateways/P/log/download} (the log file itself, its last {@link #DOWNLOAD_MAX_BYTES}).
 *
 * <p>Nothing from .env is read: the view says only whether the file is private. A model URL's
 * user-info, query and fragment are left out, since a key may hide there.
 */
final class GatewayDetails {
  static final int FIRST_LINES = 200;
  static final int FOLLOW_MAX_BYTES = LogTail.MAX_BYTES;
  // s6-log rotates current at a megabyte; this leaves room for a larger setting.
  static final int DOWNLOAD_MAX_BYTES = 4 * 1024 * 1024;

  private final HermesHome home;
  private final Function<String, Path> logFile;

  GatewayDetails(HermesHome home, Function<String, Path> logFile) {
    this.home = home;
    this.logFile = logFile;
  }

  Reply detail(String name) {
    Profile profile = existing(name);
    ProfileSummary summary = ProfileSummary.of(profile);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("profile", profile.name());
    body.put("dir", summary.dir());
    body.put("config_file", profile.configFile().toString());
    body.put("log_file", logFile.apply(profile.name()).toString());
    body.put("port", summary.port());
    body.put("desired", summary.desired());
    body.put("reported", summary.reported());
    body.put("config_error", summary.configError());
    Map<String, Object> model = new LinkedHashMap<>();
    String host = null;
    if (summary.configError() == null) {
      try {
        ProfileConfig config = profile.config();
        host = config.gatewayHost();
        model.put(
            "base_url",
            config.text(ConfigKey.MODEL_BASE_URL).map(GatewayDetails::safeUrl).orElse(null));
        model.put("name", config.text(ConfigKey.MODEL_NAME).orElse(null));
        model.put("timeout_seconds", config.text(ConfigKey.MODEL_TIMEOUT_SECONDS).orElse(null));
      } catch (HermesException e) {
        body.put("config_error", e.getMessage());
      }
    }
    body.put("host", host);
    body.put("model", model);
    body.put("env_file", envFile(profile.envFile()));
    return Reply.ok(body);
  }

  /**
   * Complete lines appended since byte {@code after}, and the offset to ask from next. Without an
   * offset, or when the log was rotated (shorter than the offset), its last lines and {@code
   * "reset": true}.
   */
  Reply follow(String name, String after) {
    Profile profile = existing(name);
    Path file = logFile.apply(profile.name());
    long from = parseOffset(after);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("profile", profile.name());
    body.put("file", file.toString());
    try {
      if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
        body.put("reset", from != 0);
        body.put("offset", 0L);
        body.put("lines", List.of());
        return Reply.ok(body);
      }
      try (FileChannel in = OwnFiles.openForReading(file)) {
        long size = in.size();
        if (from < 0 || from > size) {
          List<String> lines = LogTail.last(file, FIRST_LINES);
          body.put("reset", true);
          // Lines written between the tail and this size are skipped once, never repeated.
          body.put("offset", size);
          body.put("lines", lines);
          return Reply.ok(body);
        }
        int length = (int) Math.min(size - from, FOLLOW_MAX_BYTES);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && in.read(buffer, from + buffer.position()) > 0) {
          // until full or at the end
        }
        byte[] read = buffer.array();
        int end = buffer.position();
        while (end > 0 && read[end - 1] != '\n') {
          end--;
        }
        if (end == 0 && buffer.position() == FOLLOW_MAX_BYTES) {
          // One line longer than a read: skip it rather than stall on it.
          end = buffer.position();
        }
        List<String> lines = new ArrayList<>();
        for (String line : new String(read, 0, end, StandardCharsets.UTF_8).split("\r?\n")) {
          if (!line.isEmpty()) {
            lines.add(line);
          }
        }
        body.put("reset", false);
        body.put("offset", from + end);
        body.put("lines", lines);
        return Reply.ok(body);
      }
    } catch (IOException e) {
      throw new HttpFailure(500, "could not read " + file + ": " + e.getMessage());
    } catch (FileRefusedException e) {
      throw new HttpFailure(500, e.getMessage());
    }
  }

  Reply download(String name) {
    Profile profile = existing(name);
    Path file = logFile.apply(profile.name());
    byte[] body;
    try {
      if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
        body = new byte[0];
      } else {
        try (FileChannel in = OwnFiles.openForReading(file)) {
          long size = in.size();
          long start = Math.max(0, size - DOWNLOAD_MAX_BYTES);
          ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
          while (buffer.hasRemaining() && in.read(buffer, start + buffer.position()) > 0) {
            // until full or at the end
          }
          body = java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
      }
    } catch (IOException e) {
      throw new HttpFailure(500, "could not read " + file + ": " + e.getMessage());
    } catch (FileRefusedException e) {
      throw new HttpFailure(500, e.getMessage());
    }
    return Reply.bytes("text/plain; charset=utf-8", body)
        .with("Content-Disposition", "attachment; filename=\"gateway-" + profile.name() + ".log\"");
  }

  /** The URL without user-info, query or fragment; an unparsable one is not shown at all. */
  static String safeUrl(String url) {
    try {
      URI uri = new URI(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "(not a URL)";
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      return "(not a URL)";
    }
  }

  private static String envFile(Path env) {
    if (Files.isSymbolicLink(env)) {
      return "symbolic link (not followed)";
    }
    if (Files.notExists(env, LinkOption.NOFOLLOW_LINKS)) {
      return "none";
    }
    return dev.hermes.core.EnvFile.isTooOpen(env) ? "too open (run 'chmod 600')" : "private";
  }

  private static long parseOffset(String after) {
    if (after == null || after.isEmpty()) {
      return -1;
    }
    if (!after.matches("\\d{1,18}")) {
      throw new HttpFailure(400, "after must be a byte offset");
    }
    return Long.parseLong(after);
  }

  private Profile existing(String name) {
    return GatewayEndpoints.existingProfile(home, name);
  }
}

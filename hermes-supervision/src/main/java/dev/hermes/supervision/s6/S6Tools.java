package dev.hermes.supervision.s6;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the s6 programs live. They are always called by absolute path: {@code /command} (the
 * image's s6-overlay) is on PATH only for processes the supervision tree starts, not for {@code
 * docker exec}.
 */
public record S6Tools(Path binDir) {
  public static final Path OVERLAY_BIN = Path.of("/command");

  /** {@code HERMES_S6_BIN_DIR}, else {@code /command}, else the directory of s6-svc on PATH. */
  public static S6Tools locate(Map<String, String> env) {
    String configured = env.get("HERMES_S6_BIN_DIR");
    if (configured != null && !configured.isBlank()) {
      return new S6Tools(Path.of(configured));
    }
    if (Files.isExecutable(OVERLAY_BIN.resolve("s6-svc"))) {
      return new S6Tools(OVERLAY_BIN);
    }
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "s6-svc"))) {
        return new S6Tools(Path.of(dir));
      }
    }
    return new S6Tools(OVERLAY_BIN);
  }

  public String tool(String name) {
    return binDir.resolve(name).toString();
  }
}

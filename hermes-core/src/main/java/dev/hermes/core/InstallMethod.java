package dev.hermes.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How this copy of hermes was installed, for {@code hermes status}. The install tree's {@code
 * .install_method} stamp wins (the image bakes {@code docker}); a legacy stamp in HERMES_HOME is
 * the fallback, except that a {@code docker} stamp there is ignored outside a container — a volume
 * moved from a container to a host would otherwise lie about the host.
 */
public final class InstallMethod {
  public static final String STAMP = ".install_method";

  private InstallMethod() {}

  public static String detect(Path installDir, Path hermesHome, boolean inContainer) {
    Optional<String> code = installDir == null ? Optional.empty() : readStamp(installDir);
    if (code.isPresent()) {
      return code.get();
    }
    Optional<String> legacy = readStamp(hermesHome);
    if (legacy.isPresent() && (inContainer || !"docker".equals(legacy.get()))) {
      return legacy.get();
    }
    if (installDir != null && Files.isRegularFile(installDir.resolve("pom.xml"))) {
      return "source";
    }
    return "unknown";
  }

  private static Optional<String> readStamp(Path dir) {
    try {
      String value = OwnFiles.readText(dir.resolve(STAMP), OwnFiles.LINE_LIMIT).trim();
      return value.isEmpty() || value.contains("\n") ? Optional.empty() : Optional.of(value);
    } catch (IOException | FileRefusedException e) {
      return Optional.empty();
    }
  }
}

package dev.hermes.supervision;

import dev.hermes.core.ProfileNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the host backends (systemd, launchd) read the same way: the profiles whose unit or agent
 * file exists, and the numbers and signals their status output holds.
 */
public final class HostUnits {
  private static final Map<Integer, String> SIGNALS =
      Map.of(
          1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT", 9, "SIGKILL", 11, "SIGSEGV", 13,
          "SIGPIPE", 15, "SIGTERM");

  private HostUnits() {}

  /** Profiles with a file {@code PREFIX<profile>SUFFIX} in {@code dir}, sorted. */
  public static List<String> profilesIn(Path dir, String prefix, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(prefix) && n.endsWith(suffix))
          .map(n -> n.substring(prefix.length(), n.length() - suffix.length()))
          .filter(ProfileNames::isValid)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A decimal number, or -1 when the text is missing or not one. */
  public static int number(String text) {
    if (text == null || !text.matches("-?\\d{1,9}")) {
      return -1;
    }
    return Integer.parseInt(text);
  }

  /** {@code SIGKILL} for 9; {@code SIG<n>} for a number without a common name. */
  public static String signalName(int number) {
    return SIGNALS.getOrDefault(number, "SIG" + number);
  }
}

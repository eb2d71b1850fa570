package dev.hermes.core;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tells the supervisor a service is ready: one newline on the descriptor named by {@value
 * #VARIABLE} (the slot's s6 {@code notification-fd}). Without it s6 waits a fixed second before it
 * treats a restarted service as up.
 *
 * <p>Java cannot write to a raw descriptor number, so {@code /proc/self/fd/<n>} is opened anew: the
 * same pipe (or file), whose closing does not close descriptor n itself, which the JVM never learns
 * about. Append mode, so a descriptor on a regular file is not truncated.
 */
public final class ReadinessNotice {
  public static final String VARIABLE = "HERMES_NOTIFY_FD";

  private ReadinessNotice() {}

  /**
   * Writes the newline when {@value #VARIABLE} names an open descriptor; else tells {@code warn}.
   */
  public static void send(Map<String, String> environment, Consumer<String> warn) {
    String value = environment.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return;
    }
    if (!value.strip().matches("\\d{1,9}")) {
      warn.accept(
          VARIABLE + "='" + value + "' is not a descriptor number; not signalling readiness");
      return;
    }
    Path descriptor = Path.of("/proc/self/fd", value.strip());
    if (!Files.exists(descriptor)) {
      warn.accept(VARIABLE + "=" + value.strip() + " is not an open descriptor; not signalling");
      return;
    }
    try (OutputStream out = new FileOutputStream(descriptor.toFile(), true)) {
      out.write('\n');
    } catch (IOException e) {
      warn.accept(
          "could not signal readiness on descriptor " + value.strip() + ": " + e.getMessage());
    }
  }
}

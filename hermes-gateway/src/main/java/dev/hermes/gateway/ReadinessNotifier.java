package dev.hermes.gateway;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Tells the supervisor the gateway is ready: one newline on the descriptor named by {@value
 * #VARIABLE} (s6's {@code notification-fd}). Without it s6 waits a fixed second before treating a
 * restarted gateway as up.
 *
 * <p>Java cannot write to a raw descriptor number, so we open {@code /proc/self/fd/<n>}. That opens
 * the same pipe (or file) anew; closing our stream does not close descriptor n itself, which the
 * JVM never learns about. s6 only needs the newline. Append mode, so a descriptor on a regular file
 * is not truncated.
 */
final class ReadinessNotifier {
  static final String VARIABLE = "HERMES_NOTIFY_FD";

  private final Map<String, String> environment;
  private final GatewayLog log;
  private boolean notified;

  ReadinessNotifier(Map<String, String> environment, GatewayLog log) {
    this.environment = environment;
    this.log = log;
  }

  /** Writes the newline; a second call does nothing. */
  synchronized void notifyReady() {
    if (notified) {
      return;
    }
    notified = true;
    String value = environment.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return;
    }
    if (!value.strip().matches("\\d{1,9}")) {
      log.warning(
          VARIABLE + "='" + value + "' is not a descriptor number; not signalling readiness");
      return;
    }
    Path descriptor = Path.of("/proc/self/fd", value.strip());
    if (!Files.exists(descriptor)) {
      log.warning(VARIABLE + "=" + value.strip() + " is not an open descriptor; not signalling");
      return;
    }
    try (OutputStream out = new FileOutputStream(descriptor.toFile(), true)) {
      out.write('\n');
    } catch (IOException e) {
      log.warning(
          "could not signal readiness on descriptor " + value.strip() + ": " + e.getMessage());
    }
  }
}

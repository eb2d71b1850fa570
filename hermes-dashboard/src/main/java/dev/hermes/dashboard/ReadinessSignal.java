package dev.hermes.dashboard;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Tells s6 the dashboard is serving: one newline on the descriptor named by {@value #VARIABLE} (the
 * slot's {@code notification-fd}). With it, s6 restarts a dashboard that dies at once rather than
 * after its one-second pause. Java cannot write to a descriptor number, so {@code /proc/self/fd/N}
 * is opened anew; the JVM never learns of descriptor N itself.
 */
final class ReadinessSignal {
  static final String VARIABLE = "HERMES_NOTIFY_FD";

  private ReadinessSignal() {}

  static void send(Map<String, String> env, DashboardLog log) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return;
    }
    if (!value.strip().matches("\\d{1,9}")) {
      log.warning(VARIABLE + "='" + value + "' is not a descriptor number; not signalling");
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
      log.warning("could not signal readiness: " + e.getMessage());
    }
  }
}

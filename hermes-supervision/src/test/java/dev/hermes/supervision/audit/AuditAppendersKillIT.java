package dev.hermes.supervision.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.core.HermesHome;
import dev.hermes.core.audit.AuditEvent;
import dev.hermes.core.audit.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes appending to one audit trail at once (JVMs through {@link AuditLog}, a shell the
 * way a slot's finish script appends), killed with SIGKILL mid-stream: every line in the files is
 * whole, and the rotations the JVMs made on the way lost none of it.
 */
class AuditAppendersKillIT {
  @TempDir Path root;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void appendersKilledMidStreamLeaveOnlyWholeLines() throws IOException {
    HermesHome home = new HermesHome(root);
    Files.createDirectories(home.logsDir());
    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath = System.getProperty("java.class.path");
    for (String profile : List.of("a", "b", "c")) {
      children.add(
          new ProcessBuilder(
                  java, "-cp", classPath, AppendLoop.class.getName(), root.toString(), profile)
              .redirectErrorStream(true)
              .redirectOutput(root.resolve(profile + ".out").toFile())
              .start());
    }
    children.add(
        new ProcessBuilder(
                "sh",
                "-c",
                "while :; do printf '{\"time\":\"%s\",\"profile\":\"sh\",\"action\":\"crash\","
                    + "\"actor\":\"supervisor\",\"uid\":%s,\"user\":\"%s\",\"reason\":\"exit 1\","
                    + "\"result\":\"restart in 2000 ms\"}\\n' \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\""
                    + " \"$(id -u)\" \"$(id -un)\" >>\"$1\"; done",
                "sh",
                home.logsDir().resolve(AuditLog.FILE_NAME).toString())
            .start());
    AuditLog log = AuditLog.of(home, w -> {});

    // Past at least one rotation (1 MiB), so the kill also meets appenders of a rotated file.
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Files.exists(log.rotated(1)) && sizeOf(log.file()) > 20_000);
    children.forEach(Process::destroyForcibly);
    for (Process child : children) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !child.isAlive());
    }

    long lines = 0;
    for (Path file : List.of(log.rotated(3), log.rotated(2), log.rotated(1), log.file())) {
      if (!Files.exists(file)) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(file);
      assertThat(bytes[bytes.length - 1]).as(file + " ends with a newline").isEqualTo((byte) '\n');
      for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
        assertThat(AuditEvent.parse(line)).as(file + ": " + line).isPresent();
        lines++;
      }
    }
    assertThat(log.read()).hasSize((int) lines);
    assertThat(log.read()).extracting(AuditEvent::profile).contains("a", "b", "c", "sh");
    for (String profile : List.of("a", "b", "c")) {
      assertThat(Files.readString(root.resolve(profile + ".out"))).as("warnings").isEmpty();
    }
  }

  private static long sizeOf(Path file) throws IOException {
    return Files.exists(file) ? Files.size(file) : 0;
  }
}

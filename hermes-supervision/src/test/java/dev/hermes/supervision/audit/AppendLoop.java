package dev.hermes.supervision.audit;

import dev.hermes.core.HermesHome;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditAction;
import dev.hermes.core.audit.AuditLog;
import java.nio.file.Path;

/**
 * A child process of {@link AuditAppendersKillIT}: appends audit lines for profile {@code args[1]}
 * to the HERMES_HOME {@code args[0]} until it is killed.
 */
public final class AppendLoop {
  private AppendLoop() {}

  public static void main(String[] args) {
    AuditLog log =
        AuditLog.of(
            new HermesHome(Path.of(args[0])),
            warning -> {
              System.err.println(warning);
              System.exit(2);
            });
    for (long i = 0; ; i++) {
      log.record(args[1], AuditAction.RESTART, Actor.CLI, "n=" + i + " " + "x".repeat(300), "ok");
    }
  }
}

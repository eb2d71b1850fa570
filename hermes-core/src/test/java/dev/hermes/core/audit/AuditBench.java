package dev.hermes.core.audit;

import dev.hermes.core.FileTrees;
import dev.hermes.core.HermesHome;
import dev.hermes.core.ProcessUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What an audit line costs a lifecycle command, timed in process; run by {@code bench/audit}.
 *
 * <ul>
 *   <li>{@code first [big]}: in a fresh JVM, after the {@code desired_state} write a lifecycle
 *       command makes before its audit line (so the JSON classes it shares are loaded, as in the
 *       command), the time of the first {@link AuditLog#record}: class loading, the uid lookup, the
 *       open, the write. With {@code big} the append grows the file past a 64 KiB mark, so it also
 *       reads {@code audit.max_bytes} from config.yaml (one append in some 300 does). Prints
 *       microseconds.
 *   <li>{@code warm RUNS}: Markdown rows for appends in a warmed-up JVM, and for the append that
 *       rotates.
 * </ul>
 */
public final class AuditBench {
  private AuditBench() {}

  public static void main(String[] args) throws Exception {
    Path tmp = Files.createTempDirectory("hermes-audit-bench");
    try {
      HermesHome home = new HermesHome(tmp);
      if (args[0].equals("first")) {
        first(home, args.length > 1 && args[1].equals("big"));
      } else {
        warm(home, Integer.parseInt(args[1]));
      }
    } finally {
      FileTrees.deleteQuietly(tmp);
    }
  }

  private static void first(HermesHome home, boolean big) throws Exception {
    Files.createDirectories(home.logsDir());
    if (big) {
      Files.writeString(home.root().resolve("config.yaml"), "audit:\n  max_bytes: 1048576\n");
      AuditEvent filler =
          new AuditEvent(
              Instant.now(), "bench", AuditAction.STOP, Actor.CLI, 1, "u", "x".repeat(200), "ok");
      StringBuilder text = new StringBuilder();
      // Just short of the 128 KiB mark, so the timed append grows past it and looks at the cap.
      while (text.length() < 2 * AuditLog.CAP_STEP - 100) {
        text.append(new String(filler.toLine(), java.nio.charset.StandardCharsets.UTF_8));
      }
      text.setLength((int) (2 * AuditLog.CAP_STEP - 100));
      text.append('\n');
      Files.writeString(home.logsDir().resolve(AuditLog.FILE_NAME), text);
    }
    // What every command does first (Main's root check), then what GatewayControl does just
    // before its audit line: the same work, so the same classes loaded, as in the command.
    ProcessUser.isRoot();
    home.profile("default")
        .state()
        .merge(Map.of("desired_state", "stopped", "updated_at", Instant.now().toString()));
    long t0 = System.nanoTime();
    AuditLog.of(home, FAIL)
        .record("default", AuditAction.STOP, Actor.CLI, "hermes gateway stop", "ok");
    long t1 = System.nanoTime();
    System.out.println((t1 - t0) / 1000);
  }

  private static void warm(HermesHome home, int runs) {
    AuditLog log = AuditLog.of(home, FAIL);
    for (int i = 0; i < 2000; i++) {
      log.record("warm", AuditAction.RESTART, Actor.CLI, "warm-up", "ok");
    }
    List<Long> appends = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      log.record("bench", AuditAction.STOP, Actor.CLI, "hermes gateway stop", "ok");
      appends.add(System.nanoTime() - t0);
    }
    row("append, JVM warmed up (2000 appends before)", appends);

    List<Long> rotations = new ArrayList<>();
    while (rotations.size() < runs) {
      Path file = log.file();
      long t0 = System.nanoTime();
      log.record("bench", AuditAction.STOP, Actor.CLI, "x".repeat(900), "ok");
      long t1 = System.nanoTime();
      if (!Files.exists(file)) {
        rotations.add(t1 - t0);
      }
    }
    row("the append that rotates (1 MiB cap, 3 files kept), warmed up", rotations);
  }

  /**
   * A warning fails the bench. A class, not a lambda: the CLI's own sink is linked in its trained
   * cache, and a bench lambda linked at run time would be timed as if it were the append's.
   */
  private static final Consumer<String> FAIL =
      new Consumer<>() {
        @Override
        public void accept(String warning) {
          throw new IllegalStateException(warning);
        }
      };

  private static void row(String what, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int n = sorted.size();
    long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    long p90 = sorted.get(Math.min(n - 1, (n * 9 + 9) / 10 - 1));
    System.out.printf("| %s | %.2f | %.2f | %d |%n", what, median / 1e6, p90 / 1e6, n);
  }
}

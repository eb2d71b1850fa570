package dev.hermes.supervision.s6;

import dev.hermes.core.FileTrees;
import dev.hermes.core.HermesHome;
import dev.hermes.supervision.GatewayStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * In-process timings of the s6 backend against Debian's real s6, JVM start excluded; run by {@code
 * bench/supervision}. Prints Markdown table rows: register until supervised, status of 100 slots, a
 * killed ready service until it is back and ready, and the slot's finish script on its own.
 */
public final class SupervisionBench {
  private SupervisionBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path tmp = Files.createTempDirectory("hermes-bench");
    try {
      measure(tmp, runs);
    } finally {
      FileTrees.deleteQuietly(tmp);
    }
  }

  private static void measure(Path tmp, int runs) throws Exception {
    HermesHome home = new HermesHome(Files.createDirectories(tmp.resolve("home")));
    Path fake = TestGateway.write(tmp);
    // A run of 1 s counts as healthy, so every measured kill is a first crash (restarted at once).
    CrashLoopSettings policy = new CrashLoopSettings(1000, 1, 60, 1, 0);
    try (S6Scanner scanner =
        S6Scanner.start(tmp.resolve("scandir"), tmp.resolve("svscan.log"), home.root())) {
      S6ServiceManager s6 =
          SlotFixtures.realManager(scanner.scandir, fake, home.root(), tmp, policy);

      warmUp(s6);
      List<Long> register = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        String profile = "r" + i;
        long t0 = System.nanoTime();
        s6.register(profile, false);
        until(s6, profile, GatewayStatus::registered, true);
        register.add(System.nanoTime() - t0);
      }
      row("register → slot supervised (down)", register);

      for (int i = 0; i < 100; i++) {
        if (!s6.list().contains("s" + i)) {
          s6.register("s" + i, false);
        }
      }
      List<Long> status = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        for (int j = 0; j < 100; j++) {
          s6.status("s" + j);
        }
        status.add(System.nanoTime() - t0);
      }
      row("status of 100 slots, one by one (a process per slot)", status);
      List<String> hundred = new ArrayList<>();
      for (int j = 0; j < 100; j++) {
        hundred.add("s" + j);
      }
      List<Long> statusAll = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        s6.statusAll(hundred);
        statusAll.add(System.nanoTime() - t0);
      }
      row("status of 100 slots, statusAll (one shell runs every s6-svstat)", statusAll);

      s6.register("k", true);
      GatewayStatus current = until(s6, "k", GatewayStatus::ready, false);
      List<Long> back = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        Thread.sleep(1100); // up for more than 1 s, so s6 restarts without its 1 s pause
        int old = current.pid();
        long t0 = System.nanoTime();
        ProcessHandle.of(old).orElseThrow().destroyForcibly();
        current = until(s6, "k", s -> s.ready() && s.pid() != old, false);
        back.add(System.nanoTime() - t0);
      }
      row("killed ready service → back and ready (readiness on fd 3)", back);
    }
    finishScript(tmp, fake, runs);
  }

  /**
   * The finish script as s6-supervise runs it after an exit (sh, the slot's files, the real
   * s6-svstat), in a slot of its own that no scanner supervises, so its s6-svstat fails at once as
   * it answers at once for a supervised slot. Every crash comes after a healthy period: a first
   * crash, restarted without a wait, which is the script's own time.
   */
  private static void finishScript(Path tmp, Path fake, int runs) throws Exception {
    Path slot = Files.createDirectories(tmp.resolve("finish-scandir/gateway-f"));
    S6Tools tools = new S6Tools(S6Scanner.BIN);
    for (int fleet : new int[] {0, 2}) {
      SlotSpec spec =
          new SlotSpec(
              List.of(fake.toString()),
              tmp.resolve("home"),
              tmp.toString(),
              new TreeMap<>(),
              tools,
              new CrashLoopSettings(1000, 1, 60, 1, fleet));
      Map<String, String> files = new SlotRenderer(spec).render("f", false);
      Files.writeString(slot.resolve("finish"), files.get("finish"));
      // What ./run leaves: the OOM counter of this cgroup, where there is one.
      try (java.io.InputStream oomCount = SlotRenderer.class.getResourceAsStream("oom-count.sh")) {
        new ProcessBuilder("sh", "-c", new String(oomCount.readAllBytes(), "UTF-8"))
            .directory(slot.toFile())
            .start()
            .waitFor();
      }
      String[][] exits =
          fleet == 0
              ? new String[][] {
                {"0", "0", "clean exit (exit 0)"},
                {"1", "0", "crash (exit 1)"},
                {"256", "9", "SIGKILL (reads the OOM counter)"}
              }
              : new String[][] {{"1", "0", "crash (exit 1), fleet budget 2/s"}};
      for (String[] exit : exits) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          Files.writeString(slot.resolve("hermes-ready"), "1\n");
          FileTrees.deleteQuietly(slot.resolve("../.hermes-restart-turns"));
          long t0 = System.nanoTime();
          Process p =
              new ProcessBuilder("sh", "./finish", exit[0], exit[1], ".")
                  .directory(slot.toFile())
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .start();
          if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("the finish script failed for " + exit[2]);
          }
          times.add(System.nanoTime() - t0);
        }
        row("finish script: " + exit[2], times);
      }
    }
  }

  private static void warmUp(S6ServiceManager s6) throws InterruptedException {
    s6.register("warm", false);
    until(s6, "warm", GatewayStatus::registered, true);
  }

  /**
   * Polls status until the condition holds; "supervised" means s6-svstat answers for the slot. It
   * polls without a pause, as what it times ends when the condition holds, and without Awaitility,
   * which is not on the class path bench/supervision runs this with.
   */
  private static GatewayStatus until(
      S6ServiceManager s6, String profile, Predicate<GatewayStatus> condition, boolean supervised)
      throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      GatewayStatus s = s6.status(profile);
      boolean answered = !supervised || Files.exists(s6.slot(profile).resolve("supervise/status"));
      if (answered && condition.test(s)) {
        return s;
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException(profile + " did not reach the state within 30 s");
  }

  private static void row(String what, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int n = sorted.size();
    long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    long p90 = sorted.get(Math.min(n - 1, (n * 9 + 9) / 10 - 1));
    System.out.printf("| %s | %.1f | %.1f | %d |%n", what, median / 1e6, p90 / 1e6, n);
  }
}

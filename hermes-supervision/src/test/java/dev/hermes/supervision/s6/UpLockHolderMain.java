package dev.hermes.supervision.s6;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process holding {@code hermes up}'s lock as a starting {@code hermes up} does (its
 * s6-svscan not started yet): claims, says {@code claimed}, and holds until its stdin closes.
 * Started by {@link LocalSupervisorTest} as a process of its own, as a running {@code hermes up}
 * is: the pid it records is not the test's, which stands in for a live s6-svscan's.
 */
public final class UpLockHolderMain {
  private UpLockHolderMain() {}

  public static void main(String[] args) throws IOException {
    Path tools = Path.of(args[0]);
    Path runDir = Path.of(args[1]);
    int uid = Integer.parseInt(args[2]);
    try (LocalSupervisor held =
        LocalSupervisor.claim(
            new S6Tools(tools), new TreeOwnership(uid), runDir, runDir.resolve("service"))) {
      System.out.println("claimed");
      System.out.flush();
      while (System.in.read() >= 0) {
        // Held until the test closes stdin.
      }
    }
  }
}

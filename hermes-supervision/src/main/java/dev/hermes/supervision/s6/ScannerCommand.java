package dev.hermes.supervision.s6;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The s6-svscan command line for a gateway scandir, in the dialect of the s6 it runs on: s6 2.12
 * renamed {@code -c services_max} to {@code -C} and rejects {@code -c}, while s6 2.11 (Debian 12)
 * knows only {@code -c}. Which one is there is asked of the program itself, once per scanner start:
 * {@code -C} with a directory that cannot exist is a usage error (exit 100) only where {@code -C}
 * is unknown; where it is known, the scanner fails to chdir (exit 111) and touches nothing.
 */
public final class ScannerCommand {
  private static final int USAGE_EXIT = 100;
  private static final String NEVER_A_DIRECTORY = "/dev/null/hermes-s6-svscan-probe";

  private ScannerCommand() {}

  /** True when this s6-svscan takes {@code -C} (s6 2.12 and later). */
  public static boolean takesCapitalC(S6Tools tools) {
    try {
      Process probe =
          new ProcessBuilder(tools.tool("s6-svscan"), "-C", "4", NEVER_A_DIRECTORY)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!probe.waitFor(5, TimeUnit.SECONDS)) {
        probe.destroyForcibly();
        return true;
      }
      return probe.exitValue() != USAGE_EXIT;
    } catch (IOException e) {
      // Not startable at all: starting the scanner itself then reports why.
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** {@code s6-svscan} on {@code scandir} with room for {@code servicesMax} services. */
  public static List<String> forScandir(S6Tools tools, int servicesMax, String scandir) {
    return forScandir(tools, takesCapitalC(tools), servicesMax, scandir);
  }

  static List<String> forScandir(S6Tools tools, boolean capitalC, int servicesMax, String scandir) {
    return List.of(
        tools.tool("s6-svscan"), capitalC ? "-C" : "-c", Integer.toString(servicesMax), scandir);
  }
}

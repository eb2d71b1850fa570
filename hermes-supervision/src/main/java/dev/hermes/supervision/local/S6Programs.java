package dev.hermes.supervision.local;

import dev.hermes.supervision.ServiceDirectories;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.s6.S6Tools;
import dev.hermes.supervision.s6.S6Version;
import dev.hermes.supervision.s6.ScannerCommand;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The s6 programs the doctor checks: those of the s6 that supervises the gateways, or, under
 * another manager, those {@code hermes up} would use. Which version they are ({@link S6Version})
 * and, when no install says, which option dialect their s6-svscan speaks ({@link ScannerCommand}).
 */
public final class S6Programs {
  public static final String OLDEST_SUPPORTED = S6Version.OLDEST_SUPPORTED.toString();
  public static final String NEWEST_TESTED = S6Version.NEWEST_TESTED.toString();

  /** How a version stands against what hermes is tested with. */
  public enum Support {
    SUPPORTED,
    TOO_OLD,
    UNTESTED
  }

  /** A version read from what installed the programs, e.g. {@code 2.15.0.0}. */
  public record Release(String version, Support support) {}

  private final S6Tools tools;

  private S6Programs(S6Tools tools) {
    this.tools = tools;
  }

  /** The programs {@code manager} runs when it is s6's, else the s6 that {@code env} points to. */
  public static S6Programs of(ServiceManager manager, Map<String, String> env) {
    return new S6Programs(
        manager
            .serviceDirectories()
            .map(ServiceDirectories::programsDir)
            .map(S6Tools::new)
            .orElseGet(() -> S6Tools.locate(env)));
  }

  public Path binDir() {
    return tools.binDir();
  }

  /** {@code s6-svscan} in {@link #binDir()}, whether it exists or not. */
  public Path scanner() {
    return tools.binDir().resolve("s6-svscan");
  }

  /**
   * The version, when an install says ({@link S6Version#detect}).
   *
   * @param systemRoot where {@code var/lib/dpkg} is looked for ({@code /} outside tests)
   */
  public Optional<Release> release(Path systemRoot) {
    return S6Version.detect(tools, systemRoot)
        .map(S6Version.Found::version)
        .map(v -> new Release(v.toString(), Support.valueOf(v.support().name())));
  }

  /** True when s6-svscan takes {@code -C}: s6 2.12 or later. */
  public boolean scannerTakesCapitalC() {
    return ScannerCommand.takesCapitalC(tools);
  }
}

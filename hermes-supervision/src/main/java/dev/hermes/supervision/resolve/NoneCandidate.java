package dev.hermes.supervision.resolve;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.none.NoServiceManager;
import dev.hermes.supervision.s6.S6Tools;
import java.nio.file.Files;

/** Nothing supervises the gateways here: the last resort, which always applies. */
public final class NoneCandidate implements Candidate {
  static final int PRIORITY = 0;

  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.NONE;
  }

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public String description() {
    return "none: no supervisor found (where s6 is installed: no 'hermes up' runs)";
  }

  @Override
  public boolean applies(SupervisionEnvironment environment) {
    return true;
  }

  /**
   * Where s6 is installed, {@code hermes up} is the supervisor this host lacks, so that is the
   * advice; an explicit {@code HERMES_SERVICE_MANAGER=none} asked for the foreground.
   */
  @Override
  public ServiceManager create(SupervisionEnvironment e) {
    boolean chosen = e.getenv(ServiceManagerResolver.OVERRIDE) != null;
    if (!chosen && Files.isExecutable(S6Tools.locate(e.env()).binDir().resolve("s6-svscan"))) {
      return NoServiceManager.withoutHermesUp(e.home().root());
    }
    return new NoServiceManager();
  }
}

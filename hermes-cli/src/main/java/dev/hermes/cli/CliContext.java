package dev.hermes.cli;

import dev.hermes.core.ContainerProbe;
import dev.hermes.core.HermesHome;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileNames;
import dev.hermes.core.ProfileStore;
import dev.hermes.core.ReservedPorts;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditLog;
import dev.hermes.supervision.GatewayControl;
import dev.hermes.supervision.ProcessCommandRunner;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.SupervisionHooks;
import dev.hermes.supervision.resolve.ServiceManagerResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every command needs from the outside world, gathered in one place so tests can run real
 * command objects against a temporary HERMES_HOME, a fake environment and a chosen service manager.
 * The service manager is resolved on first use only: commands that do not supervise anything never
 * pay for detection.
 */
public final class CliContext {
  private final Map<String, String> env;
  private final HermesHome home;
  private final Path installDir;
  private final ContainerProbe containerProbe;
  private final Function<CliContext, ServiceManager> managerFactory;
  private ServiceManager manager;
  private AuditLog audit;

  public CliContext(
      Map<String, String> env,
      HermesHome home,
      Path installDir,
      ContainerProbe containerProbe,
      Function<CliContext, ServiceManager> managerFactory) {
    this.env = env;
    this.home = home;
    this.installDir = installDir;
    this.containerProbe = containerProbe;
    this.managerFactory = managerFactory;
  }

  /** The real process environment; the launcher passes the install tree as a system property. */
  public static CliContext fromSystem() {
    String install = System.getProperty("hermes.install.dir");
    return new CliContext(
        System.getenv(),
        HermesHome.fromEnvironment(),
        install == null || install.isBlank() ? null : Path.of(install),
        ContainerProbe.system(),
        context -> ServiceManagerResolver.standard().resolve(context.supervisionEnvironment()));
  }

  public SupervisionEnvironment supervisionEnvironment() {
    return new SupervisionEnvironment(
        env,
        Path.of("/"),
        home,
        new ProcessCommandRunner(),
        System.getProperty("os.name"),
        hermesCommand(),
        Path.of(System.getProperty("user.home")));
  }

  /** How generated scripts start hermes: the launcher of this install, else hermes on PATH. */
  public List<String> hermesCommand() {
    return installDir == null
        ? List.of("hermes")
        : List.of(installDir.resolve("bin").resolve("hermes").toString());
  }

  public Map<String, String> env() {
    return env;
  }

  public HermesHome home() {
    return home;
  }

  public Path installDir() {
    return installDir;
  }

  public ContainerProbe containerProbe() {
    return containerProbe;
  }

  public ServiceManager serviceManager() {
    if (manager == null) {
      manager = managerFactory.apply(this);
    }
    return manager;
  }

  /** The lifecycle actions, recorded in the audit trail as the CLI's. */
  public GatewayControl gateways() {
    return new GatewayControl(serviceManager(), home, Clock.systemUTC(), audit());
  }

  /**
   * HERMES_HOME's audit trail. A failed write is one warning on stderr, once per command, and never
   * fails the command.
   */
  public AuditLog audit() {
    if (audit == null) {
      audit =
          AuditLog.of(
              home,
              warning -> {
                System.err.println("hermes: warning: " + warning);
                System.err.flush();
              });
    }
    return audit;
  }

  /**
   * The named profile, which must exist; the default profile always does (it is HERMES_HOME itself,
   * even before its files are seeded).
   */
  public Profile profile(String name) {
    return ProfileNames.DEFAULT.equals(name) ? home.profile(name) : profiles().require(name);
  }

  public ProfileStore profiles() {
    return new ProfileStore(
        home,
        new SupervisionHooks(this::serviceManager, audit(), Actor.CLI),
        ReservedPorts.from(env()));
  }
}

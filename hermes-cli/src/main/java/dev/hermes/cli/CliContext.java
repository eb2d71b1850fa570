package dev.hermes.cli;

import dev.hermes.core.ContainerProbe;
import dev.hermes.core.HermesHome;
import dev.hermes.core.ProfileHooks;
import dev.hermes.core.ProfileStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every command needs from the outside world, gathered in one place so tests can run real
 * command objects against a temporary HERMES_HOME and a fake environment.
 */
public final class CliContext {
  private final Map<String, String> env;
  private final HermesHome home;
  private final Path installDir;
  private final ContainerProbe containerProbe;
  private final ProfileHooks hooks;

  public CliContext(
      Map<String, String> env,
      HermesHome home,
      Path installDir,
      ContainerProbe containerProbe,
      ProfileHooks hooks) {
    this.env = env;
    this.home = home;
    this.installDir = installDir;
    this.containerProbe = containerProbe;
    this.hooks = hooks;
  }

  /** The real process environment; the launcher passes the install tree as a system property. */
  public static CliContext fromSystem() {
    String install = System.getProperty("hermes.install.dir");
    return new CliContext(
        System.getenv(),
        HermesHome.fromEnvironment(),
        install == null || install.isBlank() ? null : Path.of(install),
        ContainerProbe.system(),
        ProfileHooks.NONE);
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

  public ProfileStore profiles() {
    return new ProfileStore(home, hooks);
  }
}

package dev.hermes.cli;

import dev.hermes.core.Profile;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hermes profile create NAME [--clone SRC] [--port N]}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a profile: its directory, SOUL.md, config.yaml with a gateway port and a private"
          + " .env. Under s6 its gateway is registered, down."
    })
public final class ProfileCreateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "Name: [a-z0-9][a-z0-9_-]*, at most 251 chars.")
  String name;

  @Option(
      names = "--clone",
      paramLabel = "SRC",
      description = "Copy .env, config.yaml and SOUL.md from profile SRC.")
  String cloneFrom;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Gateway port (default: the lowest free port in gateway.port_range).")
  Integer port;

  @Override
  public void run() {
    Profile profile =
        HermesCommand.root(spec)
            .context()
            .profiles()
            .create(
                name,
                Optional.ofNullable(cloneFrom),
                port == null ? OptionalInt.empty() : OptionalInt.of(port));
    int chosen = profile.config().gatewayPort().orElse(-1);
    spec.commandLine()
        .getOut()
        .println(
            "✓ Created profile '"
                + name
                + "' at "
                + profile.dir()
                + " (gateway port "
                + chosen
                + ")");
  }
}

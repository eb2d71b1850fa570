package dev.hermes.cli;

import dev.hermes.core.Profile;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code hermes profile create NAME [--clone SRC] [--port N]}. */
public final class ProfileCreateCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("create")
        .describe(
            "Create a profile: its directory, SOUL.md, config.yaml with a gateway port and a"
                + " private .env. Under s6 its gateway is registered, down.")
        .param("NAME", "Name: [a-z0-9][a-z0-9_-]*, at most 251 chars.")
        .option("--clone", "SRC", "Copy .env, config.yaml and SOUL.md from profile SRC.")
        .namesAProfile("--clone")
        .option(
            "--port", "N", "Gateway port (default: the lowest free port in gateway.port_range).");
  }

  @Override
  public int run(Invocation in) {
    String name = in.param(0);
    Integer port = in.intOption("--port");
    Profile profile =
        in.context()
            .profiles()
            .create(
                name,
                Optional.ofNullable(in.option("--clone")),
                port == null ? OptionalInt.empty() : OptionalInt.of(port));
    int chosen = profile.config().gatewayPort().orElse(-1);
    in.out()
        .println(
            "✓ Created profile '"
                + name
                + "' at "
                + profile.dir()
                + " (gateway port "
                + chosen
                + ")");
    return 0;
  }
}

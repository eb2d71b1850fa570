package dev.hermes.cli;

import dev.hermes.core.Profile;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code hermes profile create NAME [--clone SRC] [--port N]}. */
public final class ProfileCreateCommand implements CliCommand {
  static final Option<Optional<String>> CLONE =
      Option.text("--clone", "SRC", "Copy .env, config.yaml and SOUL.md from profile SRC.")
          .namingAProfile()
          .optional();

  /** Any int: the profile store says what a port may be (exit 1, as for a port in use). */
  static final Option<Optional<Integer>> PORT =
      Option.value(
              "--port",
              "N",
              "Gateway port (default: the lowest free port in gateway.port_range).",
              ValueType.integer())
          .optional();

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("create")
        .describe(
            "Create a profile: its directory, SOUL.md, config.yaml with a gateway port and a"
                + " private .env. Under s6 its gateway is registered, down.")
        .param("NAME", "Name: [a-z0-9][a-z0-9_-]*, at most 251 chars.")
        .option(CLONE)
        .option(PORT);
  }

  @Override
  public int run(Invocation in) {
    String name = in.param(0);
    Optional<Integer> port = in.get(PORT);
    Profile profile =
        in.context()
            .profiles()
            .create(
                name,
                in.get(CLONE),
                port.isPresent() ? OptionalInt.of(port.get()) : OptionalInt.empty());
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

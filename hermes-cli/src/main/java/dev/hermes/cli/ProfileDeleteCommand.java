package dev.hermes.cli;

import dev.hermes.core.HermesException;

/** {@code hermes profile delete NAME --yes}: stops and unregisters the gateway, then deletes. */
public final class ProfileDeleteCommand implements CliCommand {
  static final Option<Boolean> YES =
      Option.flag("--yes", "Confirm the deletion; without it nothing is deleted.");

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("delete")
        .describe(
            "Delete a profile: unregister (stop) its gateway, then remove its directory and logs.")
        .param("NAME", "The profile to delete.")
        .namesAProfile("NAME")
        .option(YES);
  }

  @Override
  public int run(Invocation in) {
    String name = in.param(0);
    if (!in.get(YES)) {
      throw new HermesException(
          "refusing to delete profile '" + name + "' without --yes (it removes its files)");
    }
    in.context().profiles().delete(name);
    in.out().println("✓ Deleted profile '" + name + "'");
    return 0;
  }
}

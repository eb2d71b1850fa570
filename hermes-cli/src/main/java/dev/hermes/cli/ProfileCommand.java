package dev.hermes.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hermes profile}: groups the profile subcommands; alone it prints their help. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "Create, list, show and delete profiles.",
    subcommands = {
      ProfileCreateCommand.class,
      ProfileListCommand.class,
      ProfileShowCommand.class,
      ProfileDeleteCommand.class
    })
public final class ProfileCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

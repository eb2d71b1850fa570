package dev.hermes.cli;

import dev.hermes.core.ProfileNames;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command. With no subcommand it prints the status summary and the help. */
@Command(
    name = "hermes",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs one supervised gateway per profile.",
    subcommands = {
      StatusCommand.class,
      UpCommand.class,
      ProfileCommand.class,
      GatewayCommand.class,
      ChatCommand.class,
      DoctorCommand.class,
      SuperviseCommand.class,
      ConfigCommand.class
    },
    footer = {"", "Exit codes: 0 success, 1 failure, 2 bad usage (doctor: 2 = a check failed)."})
public final class HermesCommand implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(
      names = {"-p", "--profile"},
      scope = ScopeType.INHERIT,
      paramLabel = "PROFILE",
      description = "Profile to act on (default: ${DEFAULT-VALUE}).",
      defaultValue = ProfileNames.DEFAULT)
  String profile;

  public HermesCommand(CliContext context) {
    this.context = context;
  }

  public CliContext context() {
    return context;
  }

  /** The profile selected with the global {@code -p/--profile}, validated. */
  public String profile() {
    return ProfileNames.validate(profile);
  }

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    StatusCommand.printSummary(context, out);
    out.println();
    spec.commandLine().usage(out);
  }

  /** The root command of any command in the tree, for access to the shared context. */
  static HermesCommand root(CommandSpec spec) {
    return (HermesCommand) spec.root().userObject();
  }
}

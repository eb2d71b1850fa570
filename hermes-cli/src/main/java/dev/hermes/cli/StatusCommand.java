package dev.hermes.cli;

import dev.hermes.core.InstallMethod;
import dev.hermes.core.Version;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hermes status}: version, install method, HERMES_HOME and profile count. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show version, install method, service manager, HERMES_HOME and profile count.")
public final class StatusCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    printSummary(HermesCommand.root(spec).context(), spec.commandLine().getOut());
  }

  static void printSummary(CliContext context, PrintWriter out) {
    String method =
        InstallMethod.detect(
            context.installDir(), context.home().root(), context.containerProbe().inContainer());
    out.println("hermes " + Version.get());
    out.println("Install method: " + method);
    out.println("Manager:        " + context.serviceManager().describe());
    out.println("HERMES_HOME:    " + context.home());
    out.println("Profiles:       " + context.profiles().list().size());
  }
}

package dev.hermes.cli;

import dev.hermes.cli.top.TopView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hermes gateway top}, also {@code hermes --tui}: every gateway, live, in the terminal. */
@Command(
    name = "top",
    mixinStandardHelpOptions = true,
    description = {
      "Show every profile's gateway in a live full-screen table; start, stop and restart the"
          + " selected one, or read its log.",
      "Keys: arrows or j/k select, s start, x stop, r restart, l log (any key back),"
          + " q or Ctrl-C quit.",
      "Without a terminal (piped, redirected, TERM=dumb) it prints the table once."
    })
public final class GatewayTopCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    TopView.show(HermesCommand.root(spec).context(), spec.commandLine().getOut());
  }
}

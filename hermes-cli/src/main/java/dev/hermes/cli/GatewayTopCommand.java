package dev.hermes.cli;

import dev.hermes.cli.top.TopView;

/** {@code hermes gateway top}, also {@code hermes --tui}: every gateway, live, in the terminal. */
public final class GatewayTopCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("top")
        .describe(
            "Show every profile's gateway in a live full-screen table; start, stop and restart the"
                + " selected one, or read its log.",
            "Keys: arrows or j/k select, s start, x stop, r restart, l log (any key back),"
                + " q or Ctrl-C quit.",
            "Without a terminal (piped, redirected, TERM=dumb) it prints the table once.");
  }

  @Override
  public int run(Invocation in) {
    TopView.show(in.context(), in.out());
    return 0;
  }
}

package dev.hermes.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code hermes} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CliContext context = CliContext.fromSystem();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(context, out, err, args));
  }

  /** Runs one command line against a context; returns the exit code. */
  public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
    GatewayRunShortcut.Invocation gateway = GatewayRunShortcut.match(args);
    if (gateway != null) {
      return GatewayRunShortcut.run(context, gateway, err);
    }
    ErrorHandler errors = new ErrorHandler("1".equals(context.env().get("HERMES_DEBUG")));
    CommandLine cli =
        new CommandLine(new HermesCommand(context))
            .setOut(out)
            .setErr(err)
            .setExecutionExceptionHandler(errors)
            .setParameterExceptionHandler(errors);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}

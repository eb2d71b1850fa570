package dev.hermes.cli;

import dev.hermes.core.ProfileNames;
import java.io.PrintWriter;

/**
 * Runs {@code hermes [-p P | --profile P | --profile=P] gateway run [--replace]}, the exact lines
 * supervisors start, without building the command-line model: picocli's classes and the model of
 * every command would stay in the gateway's memory for as long as it runs (about 3 MB of a budget
 * of 48). Any other spelling (options elsewhere, {@code --help}, typos) goes through picocli as
 * usual, and both paths end in {@link GatewayRunCommand#runGateway}.
 */
final class GatewayRunShortcut {
  /** A recognised command line. */
  record Invocation(String profile, boolean replace) {}

  private GatewayRunShortcut() {}

  /** The invocation {@code args} spell, or null when picocli should parse them. */
  static Invocation match(String... args) {
    String profile = ProfileNames.DEFAULT;
    int i = 0;
    if (args.length > 0 && (args[0].equals("-p") || args[0].equals("--profile"))) {
      if (args.length < 2) {
        return null;
      }
      profile = args[1];
      i = 2;
    } else if (args.length > 0 && args[0].startsWith("--profile=")) {
      profile = args[0].substring("--profile=".length());
      i = 1;
    }
    if (profile.isEmpty() || profile.startsWith("-")) {
      return null;
    }
    int rest = args.length - i;
    if (rest < 2 || rest > 3 || !args[i].equals("gateway") || !args[i + 1].equals("run")) {
      return null;
    }
    if (rest == 3 && !args[i + 2].equals("--replace")) {
      return null;
    }
    return new Invocation(profile, rest == 3);
  }

  /** Runs the gateway; errors before it starts are reported as picocli's handler would. */
  static int run(CliContext context, Invocation invocation, PrintWriter err) {
    try {
      return GatewayRunCommand.runGateway(context, invocation.profile(), invocation.replace());
    } catch (RuntimeException e) {
      int code = new ErrorHandler("1".equals(context.env().get("HERMES_DEBUG"))).report(e, err);
      err.flush();
      return code;
    }
  }
}

package dev.hermes.cli;

import dev.hermes.core.HermesException;
import dev.hermes.core.Version;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Entry point of the {@code hermes} command. Every failure becomes one line on stderr and an exit
 * code: 1 for failures, 2 for bad usage (with a hint to the command's help). A stack trace appears
 * only for bugs and only with {@code HERMES_DEBUG=1}.
 */
public final class Main {
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    CliContext context = CliContext.fromSystem();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(context, out, err, args);
    System.out.flush();
    System.err.flush();
    // Not System.exit: since JDK 21 it first starts the JDK's logging to record the exit, about
    // 20 ms of every command. Every command has finished and restored what it changed (the
    // terminal view removes its own hook), so there is nothing left for shutdown hooks to do.
    Runtime.getRuntime().halt(code);
  }

  /** Runs one command line against a context; returns the exit code. */
  public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
    try {
      ArgParser.ParsedLine line = ArgParser.parse(new HermesCommand(), args);
      if (line.version()) {
        out.println("hermes " + Version.get());
        return 0;
      }
      if (line.help()) {
        Help.print(line.path(), out);
        return 0;
      }
      // The option values are checked already (-p included): bad usage never reaches a handoff
      // to HERMES_HOME's owner, which starts a second JVM.
      if (OwnerHandoff.applies(context, line.command())) {
        return OwnerHandoff.run(context, line.command(), args, err);
      }
      Invocation invocation =
          new Invocation(context, out, err, line.path(), line.options(), line.params());
      return line.command().run(invocation);
    } catch (UsageException e) {
      err.println("hermes: error: " + e.getMessage());
      err.println("Try '" + e.commandPath() + " --help'.");
      return USAGE;
    } catch (HermesException | UncheckedIOException e) {
      err.println("hermes: error: " + e.getMessage());
      return FAILURE;
    } catch (Exception e) {
      err.println("hermes: internal error: " + e);
      if ("1".equals(context.env().get("HERMES_DEBUG"))) {
        e.printStackTrace(err);
      }
      return FAILURE;
    } finally {
      out.flush();
      err.flush();
    }
  }
}

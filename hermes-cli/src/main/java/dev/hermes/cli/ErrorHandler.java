package dev.hermes.cli;

import dev.hermes.core.HermesException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code: 1 for failures, 2 for bad usage. A
 * stack trace appears only for bugs and only with {@code HERMES_DEBUG=1}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private final boolean debug;

  ErrorHandler(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    return report(e, cmd.getErr());
  }

  /** Prints the one line for {@code e} (and, when debugging a bug, its trace); the exit code. */
  int report(Exception e, PrintWriter err) {
    if (e instanceof HermesException || e instanceof UncheckedIOException) {
      err.println("hermes: error: " + e.getMessage());
      return FAILURE;
    }
    err.println("hermes: internal error: " + e);
    if (debug) {
      e.printStackTrace(err);
    }
    return FAILURE;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("hermes: error: " + e.getMessage());
    cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    return USAGE;
  }
}

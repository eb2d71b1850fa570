package dev.hermes.cli;

import java.io.PrintWriter;
import java.util.List;

/** One parsed command line: the command it names, its option values and parameters. */
public final class Invocation {
  private final CliContext context;
  private final PrintWriter out;
  private final PrintWriter err;
  private final List<CommandSpec> path;
  private final OptionValues options;
  private final List<String> params;

  Invocation(
      CliContext context,
      PrintWriter out,
      PrintWriter err,
      List<CommandSpec> path,
      OptionValues options,
      List<String> params) {
    this.context = context;
    this.out = out;
    this.err = err;
    this.path = List.copyOf(path);
    this.options = options;
    this.params = List.copyOf(params);
  }

  public CliContext context() {
    return context;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  /** The profile chosen with the global {@code -p/--profile}, a valid name. */
  public String profile() {
    return get(ProfileOption.PROFILE);
  }

  /** Whether the line chose a profile with {@code -p/--profile}. */
  public boolean profileGiven() {
    return options.given(ProfileOption.PROFILE);
  }

  /**
   * The value of one of the command's options, as its type reads it: {@code get(ALL)} is a Boolean,
   * {@code get(PORT)} an {@code Optional<Integer>} or an Integer with a default.
   */
  public <T> T get(Option<T> option) {
    return options.get(option);
  }

  /** Positional parameter {@code index}, or null when not given. */
  public String param(int index) {
    return index < params.size() ? params.get(index) : null;
  }

  /** {@code hermes gateway start}. */
  public String commandPath() {
    return Help.path(path);
  }

  public UsageException usageError(String message) {
    return new UsageException(commandPath(), message);
  }

  /** The help of the command this invocation names. */
  public void printUsage() {
    Help.print(path, out);
  }
}

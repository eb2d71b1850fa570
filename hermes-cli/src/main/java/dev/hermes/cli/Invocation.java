package dev.hermes.cli;

import dev.hermes.core.ProfileNames;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One parsed command line: the command it names, its option values and parameters. */
public final class Invocation {
  private final CliContext context;
  private final PrintWriter out;
  private final PrintWriter err;
  private final List<CommandSpec> path;
  private final Map<String, String> values;
  private final Set<String> flags;
  private final List<String> params;

  Invocation(
      CliContext context,
      PrintWriter out,
      PrintWriter err,
      List<CommandSpec> path,
      Map<String, String> values,
      Set<String> flags,
      List<String> params) {
    this.context = context;
    this.out = out;
    this.err = err;
    this.path = List.copyOf(path);
    this.values = Map.copyOf(values);
    this.flags = Set.copyOf(flags);
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

  /** The profile chosen with the global {@code -p/--profile}, validated. */
  public String profile() {
    return ProfileNames.validate(values.getOrDefault("--profile", ProfileNames.DEFAULT));
  }

  /** Whether the on/off option with this key ({@code --all}) was given. */
  public boolean flag(String key) {
    return flags.contains(key);
  }

  /** The value of the option with this key ({@code --clone}), its default, or null. */
  public String option(String key) {
    return values.get(key);
  }

  /** An integer option; a value that is not one is bad usage. */
  public Integer intOption(String key) {
    String value = values.get(key);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw usageError("Invalid value for option '" + key + "': '" + value + "' is not an int");
    }
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

package dev.hermes.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a command accepts and how its help reads: name, description, options, positional parameters
 * and subcommands. Subcommands are suppliers, so a command line only loads the classes of the
 * commands it names.
 */
public final class CommandSpec {
  private final String name;
  private final List<String> description = new ArrayList<>();
  private final List<String> footer = new ArrayList<>();
  private final List<Option<?>> options = new ArrayList<>();
  private final List<Option<?>> globalOptions = new ArrayList<>();
  private final List<ParamSpec> params = new ArrayList<>();
  private final Map<String, Supplier<CliCommand>> subcommands = new LinkedHashMap<>();
  private final Set<String> profileParams = new HashSet<>();
  private final Map<Option<?>, String> globalHelp = new HashMap<>();
  private boolean hidden;
  private JvmProfile jvmProfile = JvmProfile.CLI;
  private boolean runsUntilStopped;

  private CommandSpec(String name) {
    this.name = name;
  }

  public static CommandSpec named(String name) {
    return new CommandSpec(name);
  }

  /** Help paragraphs; the first is the one-line summary in its parent's command list. */
  public CommandSpec describe(String... paragraphs) {
    description.addAll(List.of(paragraphs));
    return this;
  }

  /** Lines after the options in the help, e.g. exit codes. */
  public CommandSpec footer(String... lines) {
    footer.addAll(List.of(lines));
    return this;
  }

  /** An option this command accepts; the help lists them in this order. */
  public CommandSpec option(Option<?> option) {
    options.add(option);
    return this;
  }

  /** An option every command of the tree accepts, before or after its subcommand. */
  public CommandSpec globalOption(Option<?> option) {
    options.add(option);
    globalOptions.add(option);
    return this;
  }

  public CommandSpec param(String label, String description) {
    params.add(new ParamSpec(label, description, true));
    return this;
  }

  public CommandSpec optionalParam(String label, String description) {
    params.add(new ParamSpec(label, description, false));
    return this;
  }

  public CommandSpec subcommand(String name, Supplier<CliCommand> command) {
    subcommands.put(name, command);
    return this;
  }

  /**
   * The positional parameter with this label ({@code NAME}) names an existing profile: shell
   * completion offers the profile names there (for an option: {@link
   * Option.Builder#namingAProfile}).
   */
  public CommandSpec namesAProfile(String paramLabel) {
    profileParams.add(paramLabel);
    return this;
  }

  /**
   * A server: the launcher starts its JVM with this profile's flags and class-data cache instead of
   * the CLI's. A server runs until stopped (see {@link #runsUntilStopped()}).
   */
  public CommandSpec server(JvmProfile profile) {
    jvmProfile = profile;
    runsUntilStopped = true;
    return this;
  }

  /**
   * The command runs until it is stopped: the launcher gives SIGINT and SIGTERM back their default
   * action when the parent left them ignored (see bin/hermes), so that they still stop it.
   */
  public CommandSpec runsUntilStopped() {
    runsUntilStopped = true;
    return this;
  }

  /**
   * What a global option means for this command, where that differs from its own help: {@code -p}
   * on a command that reads every profile's data unless one is named has no default profile.
   */
  public CommandSpec globalHelp(Option<?> option, String help) {
    globalHelp.put(option, help);
    return this;
  }

  /** The help text of {@code option} in this command's help. */
  public String helpOf(Option<?> option) {
    return globalHelp.getOrDefault(option, option.help());
  }

  /** Left out of its parent's help (plumbing for scripts). */
  public CommandSpec hidden() {
    hidden = true;
    return this;
  }

  public String name() {
    return name;
  }

  public List<String> description() {
    return description;
  }

  public String summary() {
    return description.isEmpty() ? "" : description.get(0);
  }

  public List<String> footer() {
    return footer;
  }

  /** Every option of this command, the global ones it declares included. */
  public List<Option<?>> options() {
    return options;
  }

  /** The options of every command of the tree; only the root declares any. */
  public List<Option<?>> globalOptions() {
    return globalOptions;
  }

  public List<ParamSpec> params() {
    return params;
  }

  public Map<String, Supplier<CliCommand>> subcommands() {
    return subcommands;
  }

  /** Whether the parameter names a profile. */
  public boolean namesAProfile(ParamSpec param) {
    return profileParams.contains(param.label());
  }

  public boolean isHidden() {
    return hidden;
  }

  /** The JVM flags and cache the launcher starts this command with. */
  public JvmProfile jvmProfile() {
    return jvmProfile;
  }

  /** Whether the launcher resets SIGINT and SIGTERM a parent left ignored. */
  public boolean isLongRunning() {
    return runsUntilStopped;
  }

  /** The option with this name among this command's own, or null. */
  public Option<?> findOption(String optionName) {
    for (Option<?> option : options) {
      if (option.names().contains(optionName)) {
        return option;
      }
    }
    return null;
  }
}

package dev.hermes.cli;

import java.util.ArrayList;
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
  private final List<OptionSpec> options = new ArrayList<>();
  private final List<ParamSpec> params = new ArrayList<>();
  private final Map<String, Supplier<CliCommand>> subcommands = new LinkedHashMap<>();
  private final Set<String> profileValued = new HashSet<>();
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

  /** An on/off option such as {@code --all}. */
  public CommandSpec flag(String names, String description) {
    return add(names, null, description, null, false, false);
  }

  /** An option with a value, {@code null} when absent. */
  public CommandSpec option(String names, String label, String description) {
    return add(names, label, description, null, false, false);
  }

  /** An option with a value and a default, shown in the help. */
  public CommandSpec option(String names, String label, String description, String defaultValue) {
    return add(names, label, withDefault(description, defaultValue), defaultValue, false, false);
  }

  public CommandSpec requiredOption(String names, String label, String description) {
    return add(names, label, description, null, true, false);
  }

  /** An option every command of the tree accepts, before or after its subcommand. */
  public CommandSpec globalOption(
      String names, String label, String description, String defaultValue) {
    return add(names, label, withDefault(description, defaultValue), defaultValue, false, true);
  }

  private CommandSpec add(
      String names,
      String label,
      String description,
      String defaultValue,
      boolean required,
      boolean global) {
    options.add(
        new OptionSpec(
            List.of(names.split(",")), label, description, defaultValue, required, global));
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
   * The option (its key, {@code --clone}) or positional parameter (its label, {@code NAME}) names
   * an existing profile: shell completion offers the profile names there.
   */
  public CommandSpec namesAProfile(String keyOrLabel) {
    profileValued.add(keyOrLabel);
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

  public List<OptionSpec> options() {
    return options;
  }

  public List<ParamSpec> params() {
    return params;
  }

  public Map<String, Supplier<CliCommand>> subcommands() {
    return subcommands;
  }

  /** Whether the option with this key, or the parameter with this label, names a profile. */
  public boolean namesAProfile(OptionSpec option) {
    return profileValued.contains(option.key());
  }

  public boolean namesAProfile(ParamSpec param) {
    return profileValued.contains(param.label());
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
  public OptionSpec findOption(String optionName) {
    for (OptionSpec option : options) {
      if (option.names().contains(optionName)) {
        return option;
      }
    }
    return null;
  }

  /** "How long it waits." becomes "How long it waits (default: 60)." */
  private static String withDefault(String description, String defaultValue) {
    String shown = " (default: " + defaultValue + ")";
    return description.endsWith(".")
        ? description.substring(0, description.length() - 1) + shown + "."
        : description + shown;
  }
}

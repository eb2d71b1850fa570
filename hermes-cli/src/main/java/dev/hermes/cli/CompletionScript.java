package dev.hermes.cli;

import dev.hermes.core.Version;
import java.util.List;
import java.util.Locale;

/**
 * The completion script for one shell, generated from the {@link CompletionTree}. Both scripts
 * share one table, {@code _hermes_spec}: a {@code case} over the command path that sets what the
 * command accepts, and one more, {@code _hermes_choices}, for the values of the options that take
 * one of a fixed set (both valid in bash and in zsh alike). Everything is in the script — profile
 * names come from listing {@code $HERMES_HOME/profiles} — so a TAB never waits for a JVM.
 */
enum CompletionScript {
  BASH(BashCompletion.TEMPLATE),
  ZSH(ZshCompletion.TEMPLATE);

  private final String template;

  CompletionScript(String template) {
    this.template = template;
  }

  /** {@code bash}, as the command line names it. */
  String shell() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The script for the tree under {@code root}. */
  String render(CliCommand root) {
    List<CompletionTree.Node> nodes = CompletionTree.of(root);
    return template
        .replace("@VERSION@", Version.get())
        .replace(
            "@SPEC@",
            SPEC_FUNCTION.replace("@CASES@", specCases(nodes))
                + "\n"
                + CHOICES_FUNCTION.replace("@CASES@", choiceCases(nodes)));
  }

  /** {@code _hermes_spec}, the same text in both scripts; {@code @CASES@} becomes the table. */
  private static final String SPEC_FUNCTION =
      """
      # What the command path $1 accepts, into the caller's locals: _hermes_cmds (subcommands),
      # _hermes_opts (options), _hermes_valued (options taking a value), _hermes_profile_opts
      # (options naming a profile), _hermes_profile_param (1: its parameter names a profile).
      _hermes_spec() {
        _hermes_cmds="" _hermes_opts="" _hermes_valued="" _hermes_profile_opts=""
        _hermes_profile_param=""
        case "$1" in
      @CASES@  esac
      }
      """;

  /**
   * {@code _hermes_choices}, the same text in both scripts; {@code @CASES@} becomes its table,
   * empty when no option has a fixed set of values.
   */
  private static final String CHOICES_FUNCTION =
      """
      # The values option $2 of the command path $1 takes when they are a fixed set, into the
      # caller's local _hermes_words (empty for any other option).
      _hermes_choices() {
        _hermes_words=""
        case "$1 $2" in
      @CASES@  esac
      }
      """;

  /** The branches of {@code _hermes_choices}: one per option with choices, per command path. */
  static String choiceCases(List<CompletionTree.Node> nodes) {
    StringBuilder b = new StringBuilder();
    for (CompletionTree.Node node : nodes) {
      for (CompletionTree.Choices option : node.choices()) {
        List<String> patterns =
            option.names().stream().map(name -> "\"" + node.path() + " " + name + "\"").toList();
        b.append("    ").append(String.join(" | ", patterns)).append(")\n");
        assign(b, "_hermes_words", option.words());
        b.append("      ;;\n");
      }
    }
    return b.toString();
  }

  /** The branches of {@code _hermes_spec}, one per command path. */
  static String specCases(List<CompletionTree.Node> nodes) {
    StringBuilder b = new StringBuilder();
    for (CompletionTree.Node node : nodes) {
      b.append("    \"").append(node.path()).append("\")\n");
      assign(b, "_hermes_cmds", node.subcommands());
      assign(b, "_hermes_opts", node.options());
      assign(b, "_hermes_valued", node.valueOptions());
      assign(b, "_hermes_profile_opts", node.profileOptions());
      if (node.profileParam()) {
        b.append("      _hermes_profile_param=1\n");
      }
      b.append("      ;;\n");
    }
    return b.toString();
  }

  private static void assign(StringBuilder b, String variable, List<String> words) {
    if (!words.isEmpty()) {
      b.append("      ").append(variable).append("=\"").append(String.join(" ", words));
      b.append("\"\n");
    }
  }
}

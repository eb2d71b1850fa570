package dev.hermes.cli;

import dev.hermes.core.Version;
import java.util.List;
import java.util.Locale;

/**
 * The completion script for one shell, generated from the {@link CompletionTree}. Both scripts
 * share one table, {@code _hermes_spec}: a {@code case} over the command path that sets what the
 * command accepts (valid in bash and in zsh alike). Everything is in the script — profile names
 * come from listing {@code $HERMES_HOME/profiles} — so a TAB never waits for a JVM.
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
    return template
        .replace("@VERSION@", Version.get())
        .replace("@SPEC@", specCases(CompletionTree.of(root)));
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

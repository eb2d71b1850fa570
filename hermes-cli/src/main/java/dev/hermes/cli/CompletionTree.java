package dev.hermes.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The command tree as shell completion sees it, read from the same {@link CommandSpec}s the parser
 * and the help use, so a new command or option completes without anyone touching the scripts.
 * Hidden commands are left out, as from the help.
 */
final class CompletionTree {
  /**
   * What one command accepts. {@code path} is {@code "hermes gateway"}; the option lists hold every
   * name ({@code -p} and {@code --profile}), the global options and help and version included.
   */
  record Node(
      String path,
      List<String> subcommands,
      List<String> options,
      List<String> valueOptions,
      List<String> profileOptions,
      List<Choices> choices,
      boolean profileParam) {}

  /** An option whose values are a fixed set: its names and the words of its values. */
  record Choices(List<String> names, List<String> words) {}

  /**
   * Every word goes into a shell script unquoted: only command and option names, and option values,
   * that cannot mean anything else to a shell are accepted.
   */
  private static final Pattern SAFE_WORD = Pattern.compile("-{0,2}[A-Za-z0-9][A-Za-z0-9_-]*");

  private CompletionTree() {}

  /** Every visible command of the tree under {@code root}, parents before their subcommands. */
  static List<Node> of(CliCommand root) {
    CommandSpec rootSpec = root.spec();
    List<Node> nodes = new ArrayList<>();
    collect(rootSpec, rootSpec.name(), rootSpec.globalOptions(), nodes);
    return nodes;
  }

  private static void collect(
      CommandSpec spec, String path, List<Option<?>> globals, List<Node> out) {
    List<String> subcommands = new ArrayList<>();
    Map<String, CommandSpec> children = new LinkedHashMap<>();
    for (Map.Entry<String, Supplier<CliCommand>> sub : spec.subcommands().entrySet()) {
      CommandSpec child = sub.getValue().get().spec();
      if (!child.isHidden()) {
        subcommands.add(safe(sub.getKey()));
        children.put(sub.getKey(), child);
      }
    }
    List<String> options = new ArrayList<>();
    List<String> valueOptions = new ArrayList<>();
    List<String> profileOptions = new ArrayList<>();
    List<Choices> choices = new ArrayList<>();
    List<Option<?>> accepted = new ArrayList<>(spec.options());
    for (Option<?> global : globals) {
      if (!accepted.contains(global)) {
        accepted.add(global);
      }
    }
    for (Option<?> option : accepted) {
      if (!option.choices().isEmpty()) {
        choices.add(
            new Choices(
                option.names(), option.choices().stream().map(CompletionTree::safe).toList()));
      }
      for (String name : option.names()) {
        options.add(safe(name));
        if (option.takesValue()) {
          valueOptions.add(name);
        }
        if (option.namesAProfile()) {
          profileOptions.add(name);
        }
      }
    }
    options.addAll(List.of("-h", "--help", "-V", "--version"));
    boolean profileParam = !spec.params().isEmpty() && spec.namesAProfile(spec.params().get(0));
    out.add(
        new Node(path, subcommands, options, valueOptions, profileOptions, choices, profileParam));
    children.forEach((word, child) -> collect(child, path + " " + word, globals, out));
  }

  private static String safe(String word) {
    if (!SAFE_WORD.matcher(word).matches()) {
      throw new IllegalStateException("not a word completion can offer: '" + word + "'");
    }
    return word;
  }
}

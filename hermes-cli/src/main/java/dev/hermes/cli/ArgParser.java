package dev.hermes.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a command line against the command tree: words pick subcommands, then options and
 * positional parameters are checked against the command they name, and every option's text is read
 * as its type (see {@link Option}). Accepted forms: {@code --name value}, {@code --name=value},
 * {@code -n value}, {@code -nvalue}, and {@code --} to end the options. {@code -h/--help} and
 * {@code -V/--version} work on every command.
 */
final class ArgParser {
  /** What a command line asks for: a command to run with its values, or help, or the version. */
  record ParsedLine(
      List<CommandSpec> path,
      CliCommand command,
      OptionValues options,
      List<String> params,
      boolean help,
      boolean version) {
    /** The value of one of the options the named command accepts. */
    <T> T get(Option<T> option) {
      return options.get(option);
    }
  }

  private ArgParser() {}

  static ParsedLine parse(CliCommand root, String... args) {
    List<CommandSpec> path = new ArrayList<>();
    CliCommand command = root;
    CommandSpec spec = root.spec();
    path.add(spec);
    List<Option<?>> globals = spec.globalOptions();
    // The texts given for each option, in order; an on/off option's are its names as given.
    Map<Option<?>, List<String>> given = new HashMap<>();
    List<String> params = new ArrayList<>();
    boolean help = false;
    boolean version = false;
    boolean endOfOptions = false;

    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!endOfOptions && arg.equals("--")) {
        endOfOptions = true;
        continue;
      }
      if (!endOfOptions && arg.startsWith("-") && arg.length() > 1) {
        String name = arg;
        String inline = null;
        if (arg.startsWith("--")) {
          int eq = arg.indexOf('=');
          if (eq > 0) {
            name = arg.substring(0, eq);
            inline = arg.substring(eq + 1);
          }
        } else if (arg.length() > 2) {
          name = arg.substring(0, 2);
          inline = arg.substring(2);
        }
        if (inline == null && (name.equals("-h") || name.equals("--help"))) {
          help = true;
          continue;
        }
        if (inline == null && (name.equals("-V") || name.equals("--version"))) {
          version = true;
          continue;
        }
        Option<?> option = spec.findOption(name);
        if (option == null) {
          option = find(globals, name);
        }
        if (option == null) {
          throw usage(
              path,
              "Unknown option: '" + arg + "'" + DidYouMean.hint(name, optionNames(spec, globals)));
        }
        if (option.takesValue()) {
          String value = inline;
          if (value == null) {
            if (i + 1 >= args.length) {
              throw usage(
                  path,
                  "Missing required parameter for option '"
                      + option.key()
                      + "' ("
                      + option.valueLabel()
                      + ")");
            }
            value = args[++i];
          }
          given.computeIfAbsent(option, o -> new ArrayList<>()).add(value);
        } else {
          if (inline != null) {
            throw usage(path, "Unknown option: '" + arg + "'");
          }
          given.computeIfAbsent(option, o -> new ArrayList<>()).add(name);
        }
        continue;
      }
      if (params.isEmpty() && spec.subcommands().containsKey(arg)) {
        command = spec.subcommands().get(arg).get();
        spec = command.spec();
        path.add(spec);
        continue;
      }
      if (!spec.subcommands().isEmpty() && spec.params().isEmpty()) {
        throw usage(
            path, "Unknown command: '" + arg + "'" + DidYouMean.hint(arg, commandNames(spec)));
      }
      params.add(arg);
    }

    OptionValues options =
        help || version ? OptionValues.NONE : check(path, spec, globals, given, params);
    return new ParsedLine(path, command, options, params, help, version);
  }

  /** Bad usage unless the line gives what the command needs; then its option values. */
  private static OptionValues check(
      List<CommandSpec> path,
      CommandSpec spec,
      List<Option<?>> globals,
      Map<Option<?>, List<String>> given,
      List<String> params) {
    int max = spec.params().size();
    if (params.size() > max) {
      throw usage(path, "Unexpected argument: '" + params.get(max) + "'");
    }
    for (int j = params.size(); j < max; j++) {
      if (spec.params().get(j).required()) {
        throw usage(path, "Missing required parameter: '" + spec.params().get(j).label() + "'");
      }
    }
    // The global ones first: a bad -p is the error whatever else is wrong, as the help of every
    // command promises (see ProfileOption).
    List<Option<?>> accepted = new ArrayList<>(globals);
    for (Option<?> option : spec.options()) {
      if (!accepted.contains(option)) {
        accepted.add(option);
      }
    }
    for (Option<?> option : accepted) {
      if (option.required() && !given.containsKey(option)) {
        throw usage(path, "Missing required option: '" + option.synopsis() + "'");
      }
    }
    try {
      return OptionValues.read(accepted, given);
    } catch (InvalidOptionValue e) {
      throw usage(path, e.getMessage());
    }
  }

  /** What an unknown option may have meant: every option this command accepts, help included. */
  private static List<String> optionNames(CommandSpec spec, List<Option<?>> globals) {
    List<String> names = new ArrayList<>();
    for (Option<?> option : spec.options()) {
      names.addAll(option.names());
    }
    for (Option<?> option : globals) {
      names.addAll(option.names());
    }
    names.addAll(List.of("--help", "--version"));
    return names;
  }

  /**
   * What an unknown command may have meant: the subcommands its help lists (hidden ones are left
   * out, as from the help).
   */
  private static List<String> commandNames(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    spec.subcommands()
        .forEach(
            (name, command) -> {
              if (!command.get().spec().isHidden()) {
                names.add(name);
              }
            });
    return names;
  }

  private static Option<?> find(List<Option<?>> options, String name) {
    for (Option<?> option : options) {
      if (option.names().contains(name)) {
        return option;
      }
    }
    return null;
  }

  private static UsageException usage(List<CommandSpec> path, String message) {
    return new UsageException(Help.path(path), message);
  }
}

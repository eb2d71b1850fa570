package dev.hermes.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What {@code bin/hermes} needs from the command tree to pick a command line's JVM flags without
 * starting a JVM: the file {@code launch-profiles} beside the jar, rendered from the command specs
 * ({@link CommandSpec#server}, {@link CommandSpec#runsUntilStopped()}, the options that take a
 * value). The launcher walks the command line the way {@link ArgParser} does, as far as this file
 * tells the commands apart, so the command line has one grammar: the specs'.
 *
 * <p>The file is {@code src/main/launcher/launch-profiles}, which the build copies beside the jar
 * and {@code LaunchProfilesTest} keeps equal to {@link #render}; {@link #main} prints it (the
 * launcher asks the jar when the file is missing).
 *
 * <p>Only the commands the launcher must tell apart are listed: the root, every command on the way
 * to one whose profile or signal handling differs from the CLI's, and every subcommand of such a
 * command. A word that names no listed subcommand ends the launcher's walk, and the command reached
 * so far counts: it is the command itself, or a CLI command above a subtree of CLI commands.
 */
public final class LaunchProfiles {
  /** The file's name, beside the jar. */
  public static final String FILE = "launch-profiles";

  static final String HEADER =
      """
      # launch-profiles: how bin/hermes starts each command's JVM. Generated from the
      # command specs (java -cp hermes.jar dev.hermes.cli.LaunchProfiles); do not edit.
      # global NAME...: the options of every command that take a value.
      # PATH PROFILE SIGNALS NAME...: a command (its words joined by /), its JVM profile,
      # reset or keep (SIGINT and SIGTERM a parent left ignored), and its own options that
      # take a value. A word that names no listed subcommand ends the walk.
      """;

  /** What the launcher matches as one word: no blanks, no glob or path characters. */
  private static final Pattern COMMAND_WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private static final Pattern OPTION_NAME =
      Pattern.compile("-[A-Za-z0-9]|--[A-Za-z0-9][A-Za-z0-9-]*");

  private LaunchProfiles() {}

  /** Prints the launch profiles of the hermes command tree on stdout. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    out.print(render(new HermesCommand()));
    out.flush();
  }

  /** The file's text for the tree under {@code root}. */
  static String render(CliCommand root) {
    CommandSpec spec = root.spec();
    StringBuilder text = new StringBuilder(HEADER).append("global");
    for (Option<?> option : spec.globalOptions()) {
      if (option.takesValue()) {
        for (String name : option.names()) {
          text.append(' ').append(checked(OPTION_NAME, name));
        }
      }
    }
    text.append('\n');
    lines(spec, checked(COMMAND_WORD, spec.name()), text);
    return text.toString();
  }

  private static void lines(CommandSpec spec, String path, StringBuilder text) {
    text.append(path)
        .append(' ')
        .append(spec.jvmProfile().word())
        .append(' ')
        .append(spec.isLongRunning() ? "reset" : "keep");
    for (Option<?> option : spec.options()) {
      if (!spec.globalOptions().contains(option) && option.takesValue()) {
        for (String name : option.names()) {
          text.append(' ').append(checked(OPTION_NAME, name));
        }
      }
    }
    text.append('\n');
    boolean special = special(spec);
    for (Map.Entry<String, Supplier<CliCommand>> sub : spec.subcommands().entrySet()) {
      CommandSpec child = sub.getValue().get().spec();
      if (special || anySpecial(child)) {
        lines(child, path + "/" + checked(COMMAND_WORD, sub.getKey()), text);
      }
    }
  }

  /** Started otherwise than the CLI's commands. */
  private static boolean special(CommandSpec spec) {
    return spec.jvmProfile() != JvmProfile.CLI || spec.isLongRunning();
  }

  private static boolean anySpecial(CommandSpec spec) {
    if (special(spec)) {
      return true;
    }
    for (Supplier<CliCommand> sub : spec.subcommands().values()) {
      if (anySpecial(sub.get().spec())) {
        return true;
      }
    }
    return false;
  }

  private static String checked(Pattern pattern, String word) {
    if (!pattern.matcher(word).matches()) {
      throw new IllegalStateException("the launcher cannot match '" + word + "' as one word");
    }
    return word;
  }
}

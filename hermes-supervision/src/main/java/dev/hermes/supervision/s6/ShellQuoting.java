package dev.hermes.supervision.s6;

import dev.hermes.core.HermesException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quoting for generated shell scripts: every value single-quoted, so nothing in it is live. */
public final class ShellQuoting {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ShellQuoting() {}

  /** {@code it's} becomes {@code 'it'\''s'}; no character keeps a meaning inside. */
  public static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  public static String words(List<String> argv) {
    return argv.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
  }

  public static String variableName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new HermesException("invalid environment variable name '" + name + "'");
    }
    return name;
  }
}

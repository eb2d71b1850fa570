package dev.hermes.cli;

import dev.hermes.core.HermesException;
import dev.hermes.core.ProfileNames;

/**
 * The global {@code -p/--profile}: checked once for every command line, before the command runs.
 * Commands that never look at the profile ({@code status}, {@code up}, {@code profile list}) would
 * otherwise accept {@code -p Bad/Name} in silence, and a script would believe it acted on a
 * profile.
 */
final class ProfileOption {
  static final String KEY = "--profile";

  private ProfileOption() {}

  /** Bad usage, with the profile name rule's own message, when the name is not a valid one. */
  static void check(ArgParser.ParsedLine line) {
    String name = line.values().get(KEY);
    if (name == null) {
      return;
    }
    try {
      ProfileNames.validate(name);
    } catch (HermesException e) {
      throw new UsageException(Help.path(line.path()), e.getMessage());
    }
  }
}

package dev.hermes.cli;

import dev.hermes.core.HermesException;
import dev.hermes.core.ProfileNames;

/**
 * The global {@code -p/--profile}. Its value is checked against the profile name rule when the line
 * is parsed, for every command, before the command runs: commands that never look at the profile
 * ({@code status}, {@code up}, {@code profile list}) would otherwise accept {@code -p Bad/Name} in
 * silence, and a script would believe it acted on a profile.
 */
final class ProfileOption {
  static final Option<String> PROFILE =
      Option.value("-p,--profile", "PROFILE", "Profile to act on.", ProfileOption::validName)
          .namingAProfile()
          .orElse(ProfileNames.DEFAULT);

  private ProfileOption() {}

  /** The name when valid; else bad usage with the profile name rule's own message. */
  private static String validName(String option, String text) {
    try {
      return ProfileNames.validate(text);
    } catch (HermesException e) {
      throw new InvalidOptionValue(e.getMessage());
    }
  }
}

package dev.hermes.core;

import java.util.regex.Pattern;

/**
 * The profile name rule. A name becomes a directory name and an s6 service name ({@code
 * gateway-NAME}), so it is restricted to characters that are safe in both and in shell words.
 */
public final class ProfileNames {
  /** s6 limits a service name; this leaves room for the {@code gateway-} prefix. */
  public static final int MAX_LENGTH = 251;

  public static final String DEFAULT = "default";

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private ProfileNames() {}

  /**
   * Returns the name unchanged when valid.
   *
   * @throws HermesException with the exact message the spec gives for each kind of bad name
   */
  public static String validate(String name) {
    if (name == null || name.isEmpty()) {
      throw new HermesException("profile name must not be empty");
    }
    if (name.length() > MAX_LENGTH) {
      throw new HermesException(
          "profile name too long (" + name.length() + " > " + MAX_LENGTH + ")");
    }
    if (!VALID.matcher(name).matches()) {
      throw new HermesException(
          "profile name must match [a-z0-9][a-z0-9_-]*, got '" + printable(name) + "'");
    }
    return name;
  }

  public static boolean isValid(String name) {
    return name != null
        && !name.isEmpty()
        && name.length() <= MAX_LENGTH
        && VALID.matcher(name).matches();
  }

  /** Keeps the error on one line even when the name holds control characters. */
  private static String printable(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

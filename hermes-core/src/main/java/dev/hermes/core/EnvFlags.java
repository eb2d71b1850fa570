package dev.hermes.core;

import java.util.Locale;

/** How hermes reads on/off environment variables: 1, true or yes in any case mean on. */
public final class EnvFlags {
  private EnvFlags() {}

  public static boolean truthy(String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("1") || v.equals("true") || v.equals("yes");
  }
}

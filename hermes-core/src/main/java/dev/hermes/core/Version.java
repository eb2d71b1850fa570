package dev.hermes.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, stamped into a resource by the build. */
public final class Version {
  private static final String VALUE = load();

  private Version() {}

  public static String get() {
    return VALUE;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/hermes-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}

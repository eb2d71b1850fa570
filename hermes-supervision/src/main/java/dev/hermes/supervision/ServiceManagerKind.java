package dev.hermes.supervision;

import java.util.Locale;
import java.util.Optional;

/** The supervisors hermes can drive. */
public enum ServiceManagerKind {
  S6,
  SYSTEMD,
  LAUNCHD,
  WINDOWS,
  NONE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ServiceManagerKind> parse(String text) {
    for (ServiceManagerKind kind : values()) {
      if (kind.label().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}

package dev.hermes.cli.doctor;

import java.util.Locale;

/** How one doctor check came out; the order is the severity order. */
public enum CheckStatus {
  OK("✓"),
  WARN("⚠"),
  FAIL("✗");

  private final String symbol;

  CheckStatus(String symbol) {
    this.symbol = symbol;
  }

  /** The mark at the start of the check's line in the text report. */
  public String symbol() {
    return symbol;
  }

  /** The value of {@code status} in the JSON report: ok, warn, fail. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

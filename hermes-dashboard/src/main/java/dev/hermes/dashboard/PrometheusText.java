package dev.hermes.dashboard;

import java.nio.charset.StandardCharsets;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): each family's {@code # HELP} and
 * {@code # TYPE} lines, then its samples, which must follow them without another family between.
 * Label values and help texts are escaped as the format requires, so a value holding a quote, a
 * backslash or a newline can never end a line early or forge a sample.
 */
final class PrometheusText {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder out = new StringBuilder(64 * 1024);

  /** Starts a family: {@code type} is {@code gauge} or {@code counter}. */
  PrometheusText family(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ');
    escape(help, false);
    out.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  /** One sample; {@code labels} are name, value, name, value … */
  PrometheusText sample(String name, double value, String... labels) {
    out.append(name);
    if (labels.length > 0) {
      out.append('{');
      for (int i = 0; i + 1 < labels.length; i += 2) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labels[i]).append("=\"");
        escape(labels[i + 1], true);
        out.append('"');
      }
      out.append('}');
    }
    out.append(' ');
    number(value);
    out.append('\n');
    return this;
  }

  byte[] bytes() {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** Whole numbers without a fraction (counts, bytes, seconds since the epoch), others as Java. */
  private void number(double value) {
    if (Double.isNaN(value)) {
      out.append("NaN");
    } else if (Double.isInfinite(value)) {
      out.append(value > 0 ? "+Inf" : "-Inf");
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.append((long) value);
    } else {
      out.append(value);
    }
  }

  /** Backslash and newline in both; the double quote only in label values. */
  private void escape(String text, boolean label) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '"' -> out.append(label ? "\\\"" : "\"");
        default -> out.append(c);
      }
    }
  }
}

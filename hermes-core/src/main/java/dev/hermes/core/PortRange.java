package dev.hermes.core;

/** An inclusive range of TCP ports from which gateway ports are handed out. */
public record PortRange(int first, int last) {
  public static final PortRange DEFAULT = new PortRange(8642, 8742);

  public PortRange {
    if (first < 1 || last > 65535 || first > last) {
      throw new HermesException("invalid port range " + first + "-" + last);
    }
  }

  /** Parses {@code FIRST-LAST}, e.g. {@code 8642-8742}. */
  public static PortRange parse(String text) {
    String[] parts = text.trim().split("\\s*-\\s*");
    if (parts.length != 2 || !parts[0].matches("\\d{1,5}") || !parts[1].matches("\\d{1,5}")) {
      throw new HermesException(
          "invalid "
              + ConfigKey.GATEWAY_PORT_RANGE
              + " '"
              + text
              + "': expected FIRST-LAST, e.g. 8642-8742");
    }
    return new PortRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  public boolean contains(int port) {
    return port >= first && port <= last;
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }
}

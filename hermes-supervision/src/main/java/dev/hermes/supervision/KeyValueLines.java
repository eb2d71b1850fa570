package dev.hermes.supervision;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code key<separator>value} lines a host tool prints for machines: {@code systemctl show}'s
 * {@code Key=value}, {@code schtasks /FO LIST}'s {@code Label: value}.
 */
public final class KeyValueLines {
  private KeyValueLines() {}

  /**
   * Each line split at its first {@code separator}, key and value trimmed (so a Windows {@code \r}
   * goes too); a line without one, or with nothing before it, is skipped. When a key comes twice,
   * the first value wins, as the first of the blocks {@code schtasks /FO LIST /V} can print for one
   * task does; {@code systemctl show} of one unit prints each property once.
   */
  public static Map<String, String> parse(String text, char separator) {
    Map<String, String> values = new HashMap<>();
    for (String line : text.split("\n")) {
      int at = line.indexOf(separator);
      if (at > 0) {
        values.putIfAbsent(line.substring(0, at).trim(), line.substring(at + 1).trim());
      }
    }
    return values;
  }
}

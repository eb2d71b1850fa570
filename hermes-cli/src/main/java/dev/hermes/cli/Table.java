package dev.hermes.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain left-aligned text table, columns as wide as their widest cell. */
final class Table {
  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    this.header = header;
  }

  /** A cell for a value that may be absent: {@code -} for none. */
  static String orDash(String value) {
    return value == null ? "-" : value;
  }

  void add(String... cells) {
    rows.add(cells);
  }

  void print(PrintWriter out) {
    lines().forEach(out::println);
  }

  /** The header line, then one line per row, aligned. */
  List<String> lines() {
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    List<String> lines = new ArrayList<>(rows.size() + 1);
    lines.add(line(header, widths));
    for (String[] row : rows) {
      lines.add(line(row, widths));
    }
    return lines;
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(cells[i]);
      if (i < cells.length - 1) {
        line.append(" ".repeat(widths[i] - cells[i].length() + 2));
      }
    }
    return line.toString();
  }
}

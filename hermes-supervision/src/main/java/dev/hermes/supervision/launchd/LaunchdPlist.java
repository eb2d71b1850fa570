package dev.hermes.supervision.launchd;

import dev.hermes.supervision.SupervisionException;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders the user agent {@code dev.hermes.gateway.P.plist}. Every value is XML-escaped, so a path
 * holding {@code <&"'} reaches launchd unchanged.
 */
final class LaunchdPlist {
  private LaunchdPlist() {}

  static String label(String profile) {
    return "dev.hermes.gateway." + profile;
  }

  static String render(String profile, List<String> command, Path home, Path logFile) {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\"")
        .append(" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n")
        .append(
            "<!-- Written by 'hermes gateway install'; 'hermes gateway uninstall' removes it."
                + " -->\n")
        .append("<plist version=\"1.0\">\n")
        .append("<dict>\n");
    string(xml, "Label", label(profile));
    xml.append("  <key>ProgramArguments</key>\n  <array>\n");
    for (String argument : command) {
      xml.append("    <string>").append(escape(argument)).append("</string>\n");
    }
    xml.append("  </array>\n");
    xml.append("  <key>EnvironmentVariables</key>\n  <dict>\n");
    xml.append("    <key>HERMES_HOME</key>\n    <string>")
        .append(escape(home.toString()))
        .append("</string>\n");
    xml.append("    <key>HERMES_SUPERVISED_CHILD</key>\n    <string>1</string>\n");
    xml.append("  </dict>\n");
    // launchd reads SuccessfulExit=false as implying RunAtLoad (it needs one exit status to
    // judge), so the agent still starts when bootstrapped and at login; see docs/backends.md.
    xml.append("  <key>RunAtLoad</key>\n  <false/>\n");
    // Restart only after a failed exit: a stop (SIGTERM, the gateway exits 0) stays stopped.
    xml.append("  <key>KeepAlive</key>\n  <dict>\n")
        .append("    <key>SuccessfulExit</key>\n    <false/>\n")
        .append("  </dict>\n");
    string(xml, "StandardOutPath", logFile.toString());
    string(xml, "StandardErrorPath", logFile.toString());
    xml.append("</dict>\n</plist>\n");
    return xml.toString();
  }

  private static void string(StringBuilder xml, String key, String value) {
    xml.append("  <key>")
        .append(key)
        .append("</key>\n  <string>")
        .append(escape(value))
        .append("</string>\n");
  }

  /**
   * XML 1.0 text. Control characters other than tab and newline cannot be written in XML 1.0 at
   * all; carriage return is written as a reference because parsers would turn a literal one into a
   * newline.
   */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\r' -> out.append("&#13;");
        case '\t', '\n' -> out.append(c);
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            throw new SupervisionException(
                "cannot write a control character into a launchd plist: "
                    + value.replaceAll("\\p{Cntrl}", "?"));
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}

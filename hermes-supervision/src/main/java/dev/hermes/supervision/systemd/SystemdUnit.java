package dev.hermes.supervision.systemd;

import dev.hermes.supervision.SupervisionException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders the user unit {@code hermes-gateway-P.service}. Values are written per systemd's own
 * rules (systemd.syntax(7), systemd.service(5)): a word with anything but plain path characters is
 * double-quoted with C escapes, {@code %} is doubled everywhere (specifiers) and {@code $} is
 * doubled in ExecStart arguments (variable expansion), so every byte reaches the gateway as given.
 */
final class SystemdUnit {
  /** Exit code the gateway uses for fatal configuration: retrying cannot help. */
  static final int FATAL_CONFIG_EXIT = 78;

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:,+=@-]+");

  private SystemdUnit() {}

  static String unitName(String profile) {
    return "hermes-gateway-" + profile + ".service";
  }

  static String render(String profile, List<String> command, Path home) {
    return "# Written by 'hermes gateway install'; 'hermes gateway uninstall' removes it.\n"
        + "[Unit]\n"
        + "Description=hermes gateway (profile "
        + profile
        + ")\n"
        + "After=network-online.target\n"
        // Five starts in five minutes, then systemd gives up and marks the unit failed: the same
        // crash-loop bound as the s6 slots, instead of systemd's default of five in ten seconds.
        + "StartLimitIntervalSec=300\n"
        + "StartLimitBurst=5\n"
        + "\n"
        + "[Service]\n"
        // simple, not notify: the gateway does not speak sd_notify.
        + "Type=simple\n"
        + "ExecStart="
        + execLine(command)
        + "\n"
        + "Environment="
        + environmentWord("HERMES_HOME=" + home)
        + "\n"
        + "Environment=HERMES_SUPERVISED_CHILD=1\n"
        + "Restart=on-failure\n"
        + "RestartSec=1\n"
        + "RestartPreventExitStatus="
        + FATAL_CONFIG_EXIT
        + "\n"
        + "KillSignal=SIGTERM\n"
        // The gateway drains for up to 5 s on SIGTERM; systemd sends SIGKILL after this.
        + "TimeoutStopSec=10\n"
        + "\n"
        + "[Install]\n"
        + "WantedBy=default.target\n";
  }

  static String execLine(List<String> command) {
    StringBuilder line = new StringBuilder(executableWord(command.get(0)));
    for (String argument : command.subList(1, command.size())) {
      line.append(' ').append(argumentWord(argument));
    }
    return line.toString();
  }

  /**
   * The program path. systemd refuses executable names holding quotes, backslashes or control
   * characters whatever the quoting, and reads a leading {@code -@:+!} as a prefix, so only an
   * absolute path without those is accepted. It does not expand {@code $} in the path.
   */
  static String executableWord(String path) {
    if (!path.startsWith("/")) {
      throw new SupervisionException(
          "systemd needs an absolute path for the gateway command, got '" + path + "'");
    }
    for (char c : path.toCharArray()) {
      if (c == '"' || c == '\'' || c == '\\' || Character.isISOControl(c)) {
        throw new SupervisionException(
            "systemd cannot run a program whose path holds quotes, backslashes or control"
                + " characters: '"
                + path.replaceAll("\\p{Cntrl}", "?")
                + "'");
      }
    }
    return word(path, false);
  }

  static String argumentWord(String argument) {
    return word(argument, true);
  }

  /** An {@code Environment=} assignment: specifiers are expanded there, variables are not. */
  static String environmentWord(String assignment) {
    return word(assignment, false);
  }

  private static String word(String value, boolean doubleDollar) {
    if (PLAIN.matcher(value).matches()) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '%' -> out.append("%%");
        case '$' -> out.append(doubleDollar ? "$$" : "$");
        default -> {
          if (Character.isISOControl(c)) {
            // \x takes one byte; C1 controls need the code point form to stay one character.
            out.append(String.format(c < 0x80 ? "\\x%02x" : "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

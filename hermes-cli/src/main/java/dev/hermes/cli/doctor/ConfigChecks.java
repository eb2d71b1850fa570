package dev.hermes.cli.doctor;

import dev.hermes.core.ConfigKey;
import dev.hermes.core.FileRefusedException;
import dev.hermes.core.HermesException;
import dev.hermes.core.Profile;
import dev.hermes.core.ReservedPorts;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Every profile's {@code config.yaml} is a file of its own within its size cap, parses and names a
 * usable {@code gateway.port}, and no two profiles claim the same port (the second gateway to start
 * would exit with "port in use"). Each problem is one profile's, so a warning; a single ok line
 * stands for "no problem of this kind".
 */
final class ConfigChecks {
  private ConfigChecks() {}

  static void run(List<Profile> profiles, ReservedPorts reserved, DoctorReport report) {
    Map<Integer, List<String>> byPort = new TreeMap<>();
    int problems = 0;
    for (Profile profile : profiles) {
      String name = profile.name();
      try {
        OptionalInt port = profile.config().gatewayPort();
        if (port.isEmpty()) {
          report.add(warn(name, name + ": config.yaml has no " + ConfigKey.GATEWAY_PORT));
          problems++;
        } else if (port.getAsInt() < 1 || port.getAsInt() > 65535) {
          report.add(
              warn(
                  name,
                  name
                      + ": "
                      + ConfigKey.GATEWAY_PORT
                      + " "
                      + port.getAsInt()
                      + " is not between 1 and 65535"));
          problems++;
        } else {
          byPort.computeIfAbsent(port.getAsInt(), p -> new ArrayList<>()).add(name);
        }
      } catch (FileRefusedException e) {
        // Oversized or a link: not read at all, and listed as bad-config like invalid YAML.
        report.add(
            warn(name, name + ": config.yaml cannot be used (bad-config): " + e.getMessage()));
        problems++;
      } catch (HermesException | UncheckedIOException e) {
        report.add(warn(name, name + ": config.yaml cannot be parsed: " + e.getMessage()));
        problems++;
      }
    }
    if (problems == 0) {
      report.add(
          Check.ok(
              Check.PROFILES,
              "config",
              "Config: config.yaml parses in all " + profiles.size() + " profile(s)"));
    }
    reportCollisions(byPort, reserved, report);
  }

  /**
   * Two profiles on one port is a warning (the second gateway to start stays down); a profile on a
   * reserved port is a failure, because the loser of that race can be the dashboard.
   */
  private static void reportCollisions(
      Map<Integer, List<String>> byPort, ReservedPorts reserved, DoctorReport report) {
    boolean collided = false;
    for (Map.Entry<Integer, List<String>> entry : byPort.entrySet()) {
      List<String> names = entry.getValue();
      Optional<String> holder = reserved.holder(entry.getKey());
      if (holder.isPresent()) {
        collided = true;
        report.add(
            Check.fail(
                Check.PROFILES,
                "ports:" + entry.getKey(),
                "Ports: "
                    + (names.size() == 1 ? "profile " : "profiles ")
                    + quotedList(names)
                    + (names.size() == 1 ? " uses" : " use")
                    + " port "
                    + entry.getKey()
                    + ", reserved for "
                    + holder.get()
                    + " (change gateway.port in that config.yaml, or move the dashboard with "
                    + ReservedPorts.DASHBOARD_PORT_VARIABLE
                    + ")"));
      } else if (names.size() > 1) {
        collided = true;
        report.add(
            Check.warn(
                Check.PROFILES,
                "ports:" + entry.getKey(),
                "Ports: profiles "
                    + quotedList(names)
                    + (names.size() == 2 ? " both use" : " all use")
                    + " port "
                    + entry.getKey()));
      }
    }
    if (!collided) {
      report.add(
          Check.ok(
              Check.PROFILES,
              "ports",
              "Ports: no collisions among " + byPort.size() + " gateway port(s)"));
    }
  }

  /** {@code 'a' and 'b'}, {@code 'a', 'b' and 'c'}. */
  static String quotedList(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        text.append(i == names.size() - 1 ? " and " : ", ");
      }
      text.append('\'').append(names.get(i)).append('\'');
    }
    return text.toString();
  }

  private static Check warn(String profile, String message) {
    return Check.warn(Check.PROFILES, "config:" + profile, message);
  }
}

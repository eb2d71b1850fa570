package dev.hermes.supervision;

import java.time.Duration;
import java.util.List;

/**
 * The one seam through which hermes starts other programs (s6 tools, systemctl, launchctl,
 * schtasks). Backends take it in their constructor so unit tests can check the exact commands.
 */
@FunctionalInterface
public interface CommandRunner {
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  CommandResult run(List<String> command, Duration timeout);

  default CommandResult run(List<String> command) {
    return run(command, DEFAULT_TIMEOUT);
  }

  default CommandResult run(String... command) {
    return run(List.of(command), DEFAULT_TIMEOUT);
  }
}

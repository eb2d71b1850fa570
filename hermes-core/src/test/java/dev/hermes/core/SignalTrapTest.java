package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignalTrapTest {
  @Test
  void theLaunchersPropertyNamesTheStopSignalsItReset() {
    assertThat(SignalTrap.resetByLauncher("INT,TERM")).containsExactly("INT", "TERM");
    assertThat(SignalTrap.resetByLauncher("TERM")).containsExactly("TERM");
    assertThat(SignalTrap.resetByLauncher(" INT , INT,HUP,KILL")).containsExactly("INT");
    assertThat(SignalTrap.resetByLauncher("")).isEmpty();
    assertThat(SignalTrap.resetByLauncher(null)).isEmpty();
  }

  @Test
  void aSignalThatStaysIgnoredIsReportedWithTheSignalThatStillStopsTheProcess() {
    assertThat(SignalTrap.stillIgnoredWarning("INT", List.of("INT")))
        .startsWith("SIGINT was ignored by the parent process and stays ignored")
        .endsWith("stop this process with SIGTERM");
    assertThat(SignalTrap.stillIgnoredWarning("TERM", List.of("TERM")))
        .endsWith("stop this process with SIGINT");
    assertThat(SignalTrap.stillIgnoredWarning("INT", List.of("INT", "TERM")))
        .endsWith("stop this process with SIGKILL");
  }
}

package dev.hermes.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeathTest {
  @Test
  void theThreeLinesTheFinishScriptWritesReadBackAsTheSameDeath() {
    Death oom = new Death(DeathCause.OOM_KILL, "signal 9", 1_796_000_000L);

    assertThat(Death.parse(oom.lines())).contains(oom);
    assertThat(Death.parse(List.of("exit-code", " exit 1 ", "1796000001")))
        .contains(new Death(DeathCause.EXIT_CODE, "exit 1", 1_796_000_001L));
  }

  @Test
  void aFileItCannotReadIsNoDeathRatherThanAWrongOne() {
    assertThat(Death.parse(List.of())).isEmpty();
    assertThat(Death.parse(List.of("exit-code", "exit 1"))).isEmpty();
    assertThat(Death.parse(List.of("drowned", "exit 1", "1796000000"))).isEmpty();
    assertThat(Death.parse(List.of("signal", "signal 6", "soon"))).isEmpty();
    assertThat(Death.parse(List.of("signal", "signal 6", "-5"))).isEmpty();
    assertThat(Death.parse(List.of("signal", "signal 6", "99999999999999999999"))).isEmpty();
  }

  @Test
  void everyCauseButACleanStopIsWorthALook() {
    assertThat(DeathCause.CLEAN_STOP.unclean()).isFalse();
    assertThat(DeathCause.values())
        .filteredOn(DeathCause::unclean)
        .containsExactly(
            DeathCause.EXIT_CODE, DeathCause.SIGNAL, DeathCause.OOM_KILL, DeathCause.STOP_TIMEOUT);
  }

  @Test
  void everyCodeNamesItsCause() {
    for (DeathCause cause : DeathCause.values()) {
      assertThat(DeathCause.parse(cause.code())).contains(cause);
    }
  }
}

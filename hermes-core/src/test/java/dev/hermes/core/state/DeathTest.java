package dev.hermes.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
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
  void theTablesNameTheCauseOnlyWhereTheDetailDoesNotSayIt() {
    assertThat(new Death(DeathCause.OOM_KILL, "signal SIGKILL", 1).line())
        .isEqualTo("signal SIGKILL (oom-kill)");
    assertThat(new Death(DeathCause.STOP_TIMEOUT, "signal SIGKILL", 1).line())
        .isEqualTo("signal SIGKILL (stop-timeout)");
    assertThat(new Death(DeathCause.SIGNAL, "signal SIGKILL", 1).line())
        .isEqualTo("signal SIGKILL");
    assertThat(new Death(DeathCause.EXIT_CODE, "exit 1", 1).line()).isEqualTo("exit 1");
  }

  @Test
  void itsJsonGivesTheTimeInUtc() {
    assertThat(new Death(DeathCause.EXIT_CODE, "exit 3", 1_796_000_000L).toJson())
        .containsExactly(
            entry("cause", "exit-code"),
            entry("detail", "exit 3"),
            entry("time", "2026-11-30T00:53:20Z"));
  }

  @Test
  void itsJsonReadsBackAndAnythingElseIsNoDeath() {
    Death killed = new Death(DeathCause.STOP_TIMEOUT, "signal SIGKILL", 1_796_000_000L);

    assertThat(Death.fromJson(killed.toJson())).contains(killed);
    assertThat(Death.fromJson(Map.of("cause", "stop-timeout", "detail", "x"))).isEmpty();
    assertThat(
            Death.fromJson(
                Map.of("cause", "drowned", "detail", "x", "time", "2026-11-30T00:53:20Z")))
        .isEmpty();
    assertThat(Death.fromJson(Map.of("cause", "signal", "detail", "x", "time", "yesterday")))
        .isEmpty();
    assertThat(Death.fromJson(Map.of("cause", 1, "detail", "x", "time", "2026-11-30T00:53:20Z")))
        .isEmpty();
  }

  @Test
  void everyCodeNamesItsCause() {
    for (DeathCause cause : DeathCause.values()) {
      assertThat(DeathCause.parse(cause.code())).contains(cause);
    }
  }
}

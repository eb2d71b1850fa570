package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.supervision.SupervisionException;
import org.junit.jupiter.api.Test;

class SvstatParserTest {
  @Test
  void upAndReady() {
    var s = SvstatParser.parse("true true true true 4242 -1 NA 17\n");
    assertThat(s.up()).isTrue();
    assertThat(s.ready()).isTrue();
    assertThat(s.pid()).isEqualTo(4242);
    assertThat(s.signal()).isNull();
    assertThat(s.sinceSeconds()).isEqualTo(17);
  }

  @Test
  void upButNotReadyYet() {
    var s = SvstatParser.parse("true true true false 77 -1 NA 0");
    assertThat(s.up()).isTrue();
    assertThat(s.ready()).isFalse();
  }

  @Test
  void downBecauseOfADownFile() {
    var s = SvstatParser.parse("false false false true -1 -1 NA 3");
    assertThat(s.up()).isFalse();
    assertThat(s.wantUp()).isFalse();
    assertThat(s.normallyUp()).isFalse();
    assertThat(s.pid()).isEqualTo(-1);
  }

  @Test
  void crashLoopHeldDownAfterAnExitCode() {
    var s = SvstatParser.parse("false false true true -1 3 NA 9");
    assertThat(s.up()).isFalse();
    assertThat(s.wantUp()).isFalse();
    assertThat(s.normallyUp()).isTrue();
    assertThat(s.exitCode()).isEqualTo(3);
  }

  @Test
  void killedByASignal() {
    var s = SvstatParser.parse("false true true false -1 -1 SIGKILL 0");
    assertThat(s.signal()).isEqualTo("SIGKILL");
    assertThat(s.exitCode()).isEqualTo(-1);
  }

  @Test
  void throttledCountsAsNotUp() {
    assertThat(SvstatParser.parse("throttled true true false -1 1 NA 0").up()).isFalse();
  }

  @Test
  void rejectsTheHumanFormat() {
    assertThatThrownBy(() -> SvstatParser.parse("up (pid 4242) 17 seconds, ready 17 seconds"))
        .isInstanceOf(SupervisionException.class)
        .hasMessageStartingWith("unexpected s6-svstat output");
  }
}

package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.Profile;
import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureRecorderTest {
  @TempDir Path dir;

  private Profile profile() {
    return new Profile("coder", dir, dir.resolve("logs"));
  }

  @Test
  void aFatalConfigurationKeepsTheReasonTheGatewayWroteBeforeExiting() {
    String own = "fatal configuration: port 9119 on 127.0.0.1 is in use by another program";
    profile()
        .state()
        .merge(
            Map.of(
                "gateway_state", "startup_failed", "exit_reason", own, "desired_state", "running"));

    Hold hold =
        FailureRecorder.record(profile(), new Hold(HoldReason.FATAL_CONFIG, "fatal configuration"));

    assertThat(hold).isEqualTo(new Hold(HoldReason.FATAL_CONFIG, own));
    assertThat(profile().state().read())
        .containsEntry("gateway_state", "startup_failed")
        .containsEntry("exit_reason", own)
        .containsEntry("desired_state", "running");
  }

  @Test
  void withoutAReasonOfItsOwnTheScriptsLineIsRecorded() {
    profile().state().merge(Map.of("gateway_state", "running"));

    Hold hold =
        FailureRecorder.record(profile(), new Hold(HoldReason.FATAL_CONFIG, "fatal configuration"));

    assertThat(hold.message()).isEqualTo("fatal configuration");
    assertThat(profile().state().read()).containsEntry("exit_reason", "fatal configuration");
  }

  @Test
  void aCrashLoopAlwaysRecordsTheScriptsCount() {
    profile()
        .state()
        .merge(Map.of("gateway_state", "startup_failed", "exit_reason", "fatal configuration: x"));

    Hold hold =
        FailureRecorder.record(
            profile(), new Hold(HoldReason.CRASH_LOOP, "crash loop (5 exits in 9s, last: exit 1)"));

    assertThat(hold.message()).isEqualTo("crash loop (5 exits in 9s, last: exit 1)");
  }
}

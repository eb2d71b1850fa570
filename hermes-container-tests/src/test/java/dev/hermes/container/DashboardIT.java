package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The image's static dashboard slot: down when disabled, supervised when enabled. */
class DashboardIT extends ContainerTest {
  private static final String SLOT = "/run/service/dashboard";

  @Test
  void theDisabledDashboardSlotReportsDownNotAFakeUp() {
    Container container = container(RunOptions.defaults(), IDLE);
    bootIdle(container);

    String status =
        Waits.until(
            BOOT,
            "the dashboard slot down",
            () -> {
              String s = svstat(container, SLOT, "up,wantedup");
              return s.startsWith("false ") ? s : null;
            },
            () -> svstat(container, SLOT, "up,wantedup"));

    assertThat(status).as("up, wanted up").isEqualTo("false false");
    assertThat(shell(container, null, "test -d " + SLOT).ok()).as("the slot exists").isTrue();
  }

  @Test
  void theEnabledDashboardServesAndComesBackAfterAKill() {
    Container container =
        container(
            RunOptions.defaults()
                .withEnv("HERMES_DASHBOARD", "yes")
                .withEnv("HERMES_DASHBOARD_USERNAME", "operator")
                .withEnv("HERMES_DASHBOARD_PASSWORD", "correct-horse-battery-staple"),
            IDLE);
    bootIdle(container);
    String first = awaitServing(container, null);
    // Run as hermes, it could not make its class-data cache: the image build made it.
    ExecResult cmdline =
        container.exec(null, Map.of(), "sh", "-c", "tr '\\0' ' ' </proc/" + first + "/cmdline");
    assertThat(cmdline.out()).contains("/opt/hermes/cache/hermes-dashboard-");
    // The image has no kill program: the shell's builtin.
    ExecResult killed = shell(container, null, "kill -9 " + first);
    assertThat(killed.code()).as(killed.toString()).isZero();

    String second = awaitServing(container, first);
    assertThat(second).isNotEqualTo(first);
  }

  /** Waits until the dashboard answers HTTP on 9119 with a pid other than {@code not}. */
  private static String awaitServing(Container container, String not) {
    return Waits.until(
        BOOT,
        "the dashboard serving" + (not == null ? "" : " again"),
        () -> {
          String status = svstat(container, SLOT, "up,pid");
          String pid = status.startsWith("true ") ? status.substring(5) : null;
          if (pid == null || pid.equals(not)) {
            return null;
          }
          ExecResult http =
              container.exec(
                  null,
                  Map.of(),
                  "bash",
                  "-c",
                  "exec 3<>/dev/tcp/127.0.0.1/9119 && printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3"
                      + " && head -c 9 <&3");
          return http.ok() && http.out().startsWith("HTTP/1.") ? pid : null;
        },
        () -> svstat(container, SLOT, "up,pid"));
  }
}

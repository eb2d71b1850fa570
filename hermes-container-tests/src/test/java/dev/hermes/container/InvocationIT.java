package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code docker run IMAGE ARGS}: what runs, as whom, where, with which exit code, and what goes to
 * stdout (the main program's output only) and to stderr (every boot message).
 */
class InvocationIT extends ContainerTest {
  private static final String VERSION = "hermes \\d+\\.\\d+\\.\\d+\\S*";

  @Test
  void withoutArgumentsHermesPrintsItsStatusAndHelpAndExitsZero() {
    Outcome run = runToExit(RunOptions.defaults());

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.out())
        .as(run.output())
        .contains("Install method: docker")
        .contains("Manager:        s6 (container supervisor)")
        .contains("Usage: hermes")
        .doesNotContain("[stage2]")
        .doesNotContain("reconcile:");
    assertThat(run.out() + run.err())
        .doesNotContain("Exception")
        .doesNotContainPattern("\\n\\s+at [a-z]");
  }

  @Test
  void leadingDashArgumentsReachHermesAndVersionIsTheOnlyLineOnStdout() {
    Outcome run = runToExit(RunOptions.defaults(), "--version");

    assertThat(run.code()).as(run.output()).isZero();
    // A script reading the first line gets the version: every boot message is on stderr.
    assertThat(run.out()).as(run.output()).matches(VERSION + "\\n");
    assertThat(run.err())
        .contains("[stage2] Setup complete; starting user services")
        .contains("reconcile: profile=default prior_state=none action=registered")
        .contains("dashboard: info: HERMES_DASHBOARD is off")
        .contains("s6-rc: info: service hermes-gateways successfully started");
  }

  @Test
  void aHermesSubcommandIsRoutedToHermes() {
    Outcome run = runToExit(RunOptions.defaults(), "chat", "--help");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.out()).as(run.output()).contains("Usage: hermes chat");
  }

  @Test
  void programsOnThePathRunDirectlyAsTheHermesUser() {
    Outcome sleep = runToExit(RunOptions.defaults(), "sleep", "1");
    assertThat(sleep.code()).as(sleep.output()).isZero();
    assertThat(sleep.out()).as(sleep.output()).isEmpty();

    Outcome id = runToExit(RunOptions.defaults(), "id", "-u");
    assertThat(id.code()).as(id.output()).isZero();
    assertThat(id.out()).as(id.output()).isEqualTo(HERMES_UID + "\n");
  }

  @Test
  void theMainProgramsExitCodeIsTheContainers() {
    Outcome run = runToExit(RunOptions.defaults(), "sh", "-c", "exit 42");

    assertThat(run.code()).as(run.output()).isEqualTo(42);
    assertThat(runToExit(RunOptions.defaults(), "bash", "-c", "exit 42").code()).isEqualTo(42);
  }

  @Test
  void aMissingProgramExits127LikeAnyImage() {
    Outcome run = runToExit(RunOptions.defaults(), "/no/such/program");

    assertThat(run.code()).as(run.output()).isEqualTo(127);
    assertThat(run.out()).as(run.output()).isEmpty();
  }

  @Test
  void theTerminalIsPassedThrough() {
    // docker run -it under a pseudo-terminal of 33 rows by 123 columns.
    Outcome run = runToExit(RunOptions.defaults().withTty(), "sh", "-c", "test -t 0 && stty size");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.out()).containsPattern("(?m)^33 123\\r?$");
  }

  @Test
  void theTerminalViewRunsFullScreenOnTheRealTerminalAndQuitsCleanly() {
    // docker run -it IMAGE --tui, on a real pseudo-terminal; q quits.
    Container container = container(RunOptions.defaults().withTty(), "--tui");
    Boot boot = container.boot();
    Waits.until(
        BOOT,
        "the terminal view drawn",
        () -> {
          if (!boot.running()) {
            throw new AssertionError("exited:\n" + boot.output());
          }
          String screen = boot.out();
          return screen.contains("\u001b[?1049h")
                  && screen.contains("LAST EXIT")
                  && screen.contains("gateway-default: s start")
              ? Boolean.TRUE
              : null;
        },
        boot::output);

    boot.type("q");

    assertThat(boot.awaitExit(BOOT)).as(boot.output()).isZero();
    String screen = boot.out();
    assertThat(screen.substring(screen.indexOf("\u001b[?1049h")))
        .as("the alternate screen left again, the cursor shown")
        .contains("\u001b[?1049l")
        .contains("\u001b[?25h");
    assertThat(container.inspect("{{.State.ExitCode}}")).isEqualTo("0");
  }

  @Test
  void theWorkingDirectoryIsKept() {
    Outcome run = runToExit(RunOptions.defaults().withWorkdir("/tmp"), "pwd");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.out()).isEqualTo("/tmp\n");
  }

  @Test
  void theOldEntrypointPathStillBootsTheWholeImage() {
    Outcome run =
        runToExit(
            RunOptions.defaults().withEntrypoint("/opt/hermes/docker/entrypoint.sh"), "--version");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.out()).as(run.output()).matches(VERSION + "\\n");
    assertThat(run.err())
        .contains("entrypoint.sh is deprecated")
        .contains("[stage2] Setup complete; starting user services");
  }
}

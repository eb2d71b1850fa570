package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code docker run IMAGE ARGS}: what runs, as whom, where, and with which exit code. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class InvocationIT extends ContainerTest {
  InvocationIT(Engine engine) {
    super(engine);
  }

  @Test
  void withoutArgumentsHermesPrintsItsStatusAndHelpAndExitsZero() {
    Outcome run = runToExit(RunOptions.defaults());

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("Install method: docker")
        .contains("Manager:        s6 (container supervisor)")
        .contains("Usage: hermes")
        .doesNotContain("Exception")
        .doesNotContainPattern("\\n\\s+at [a-z]");
  }

  @Test
  void leadingDashArgumentsReachHermes() {
    Outcome run = runToExit(RunOptions.defaults(), "--version");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("(?m)^hermes \\d+\\.\\d+\\.\\d+");
  }

  @Test
  void aHermesSubcommandIsRoutedToHermes() {
    Outcome run = runToExit(RunOptions.defaults(), "chat", "--help");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).contains("Usage: hermes chat");
  }

  @Test
  void programsOnThePathRunDirectlyAsTheHermesUser() {
    Outcome sleep = runToExit(RunOptions.defaults(), "sleep", "1");
    assertThat(sleep.code()).as(sleep.output()).isZero();

    Outcome id = runToExit(RunOptions.defaults(), "id", "-u");
    assertThat(id.code()).as(id.output()).isZero();
    assertThat(id.output()).containsPattern("(?m)^" + HERMES_UID + "\\r?$");
  }

  @Test
  void theMainProgramsExitCodeIsTheContainers() {
    Outcome run = runToExit(RunOptions.defaults(), "sh", "-c", "exit 42");

    assertThat(run.code()).as(run.output()).isEqualTo(42);
  }

  @Test
  void aMissingProgramExits127LikeAnyImage() {
    Outcome run = runToExit(RunOptions.defaults(), "/no/such/program");

    assertThat(run.code()).as(run.output()).isEqualTo(127);
  }

  @Test
  void theTerminalIsPassedThrough() {
    Outcome run = runToExit(RunOptions.defaults().withTty(), "sh", "-c", "test -t 0 && stty size");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("(?m)^33 123\\r?$");
  }

  @Test
  void theWorkingDirectoryIsKept() {
    Outcome run = runToExit(RunOptions.defaults().withWorkdir("/tmp"), "pwd");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("(?m)^/tmp\\r?$");
  }

  @Test
  void theOldEntrypointPathStillBootsTheWholeImage() {
    Outcome run =
        runToExit(
            RunOptions.defaults().withEntrypoint("/opt/hermes/docker/entrypoint.sh"), "--version");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("entrypoint.sh is deprecated")
        .contains("[stage2] Setup complete; starting user services")
        .containsPattern("(?m)^hermes \\d+\\.\\d+\\.\\d+");
  }
}

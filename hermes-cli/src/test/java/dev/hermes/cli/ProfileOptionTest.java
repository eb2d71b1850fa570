package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.Version;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -p/--profile} is checked for every command, before the command does anything. */
class ProfileOptionTest {
  @TempDir Path home;

  /** Command lines that never look at the profile themselves. */
  static final List<List<String>> COMMANDS =
      List.of(
          List.of(),
          List.of("status"),
          List.of("up"),
          List.of("profile", "list"),
          List.of("profile", "create", "fresh"),
          List.of("gateway", "status", "--all"),
          List.of("gateway", "start", "--all"),
          List.of("doctor"),
          List.of("config", "migrate"));

  @Test
  void anInvalidProfileNameIsBadUsageOfEveryCommand() {
    for (List<String> command : COMMANDS) {
      String[] args = args("-p", "Bad/Name", command);
      CliRun r = CliRun.run(home, args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Main.USAGE);
      assertThat(r.out()).as(String.join(" ", args)).isEmpty();
      assertThat(r.err())
          .as(String.join(" ", args))
          .isEqualTo(
              "hermes: error: profile name must match [a-z0-9][a-z0-9_-]*, got 'Bad/Name'\n"
                  + "Try '"
                  + String.join(" ", path(command))
                  + " --help'.\n");
    }
    assertThat(home.resolve("profiles/fresh")).doesNotExist();
  }

  @Test
  void everyRuleOfTheNameIsChecked() {
    assertThat(CliRun.run(home, "status", "--profile=").err())
        .startsWith("hermes: error: profile name must not be empty\n");
    assertThat(CliRun.run(home, "-p", "a".repeat(252), "status").err())
        .startsWith("hermes: error: profile name too long (252 > 251)\n");
    assertThat(CliRun.run(home, "-pUPPER", "profile", "list").err())
        .startsWith("hermes: error: profile name must match [a-z0-9][a-z0-9_-]*, got 'UPPER'\n");
  }

  @Test
  void validNamesAndTheDefaultStillWork() {
    assertThat(CliRun.run(home, "-p", "default", "status").code()).isZero();
    assertThat(CliRun.run(home, "-p", "coder-2_x", "status").code()).isZero();
  }

  @Test
  void helpAndVersionStillAnswer() {
    CliRun version = CliRun.run(home, "-p", "Bad/Name", "--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).isEqualTo("hermes " + Version.get() + "\n");
    CliRun help = CliRun.run(home, "-p", "Bad/Name", "status", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: hermes status [OPTIONS]");
  }

  private static String[] args(String option, String value, List<String> command) {
    List<String> all = new java.util.ArrayList<>(List.of(option, value));
    all.addAll(command);
    return all.toArray(String[]::new);
  }

  /** {@code hermes profile create}: the command words, without their parameters and options. */
  private static List<String> path(List<String> command) {
    List<String> words = new java.util.ArrayList<>(List.of("hermes"));
    for (String word : command) {
      if (word.startsWith("-") || word.equals("fresh")) {
        break;
      }
      words.add(word);
    }
    return words;
  }
}

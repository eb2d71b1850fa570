package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchProfilesTest {
  /** The file the build copies beside the jar, where bin/hermes reads it. */
  static final Path FILE = Path.of("src", "main", "launcher", LaunchProfiles.FILE);

  private static List<String> entries(String text) {
    return text.lines().filter(l -> !l.startsWith("#")).toList();
  }

  @Test
  void theFileBesideTheJarIsTheOneTheCommandSpecsRender() throws IOException {
    String rendered = LaunchProfiles.render(new HermesCommand());
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as(
            "hermes-cli/%s is out of date with the command specs; regenerate it with"
                + " `mvn -q -B -pl hermes-cli -am package -DskipTests && java -cp"
                + " hermes-cli/target/hermes.jar dev.hermes.cli.LaunchProfiles >"
                + " hermes-cli/%s`",
            FILE, FILE)
        .isEqualTo(rendered);
  }

  @Test
  void theServersAndUpAreTheCommandsStartedOtherwise() {
    assertThat(entries(LaunchProfiles.render(new HermesCommand())))
        .startsWith("global -p --profile", "hermes cli keep")
        .contains(
            "hermes/up cli reset",
            "hermes/gateway cli keep",
            "hermes/gateway/run gateway reset",
            "hermes/dashboard dashboard reset --host --port",
            "hermes/dashboard/start cli keep")
        .as("the CLI commands below a CLI command with no server under it")
        .noneMatch(l -> l.startsWith("hermes/gateway/status "))
        .noneMatch(l -> l.startsWith("hermes/profile"));
  }

  /** Root: a CLI group "g" holding a server "g srv" and a CLI subtree "g cli". */
  static final class Tree implements CliCommand {
    private final String name;

    Tree(String name) {
      this.name = name;
    }

    @Override
    public CommandSpec spec() {
      CommandSpec spec = CommandSpec.named(name).describe(name);
      return switch (name) {
        case "root" ->
            spec.globalOption(Option.text("-p,--profile", "P", "Profile.").orElse("default"))
                .option(Option.flag("--loud", "Loud."))
                .subcommand("g", () -> new Tree("g"))
                .subcommand("plain", () -> new Tree("plain"));
        case "g" ->
            spec.option(Option.text("-t,--timeout", "S", "Timeout.").optional())
                .subcommand("srv", () -> new Tree("srv"))
                .subcommand("cli", () -> new Tree("cli"));
        case "srv" ->
            spec.server(JvmProfile.GATEWAY)
                .option(Option.text("--port", "N", "Port.").optional())
                .option(Option.flag("--all", "All."))
                .subcommand("leaf", () -> new Tree("leaf"));
        case "cli", "plain" -> spec.subcommand("deeper", () -> new Tree("deeper"));
        default -> spec;
      };
    }

    @Override
    public int run(Invocation invocation) {
      return 0;
    }
  }

  @Test
  void listsTheWayToEveryServerAndEverySubcommandOfOne() {
    assertThat(entries(LaunchProfiles.render(new Tree("root"))))
        .containsExactly(
            "global -p --profile",
            "root cli keep",
            "root/g cli keep -t --timeout",
            "root/g/srv gateway reset --port",
            "root/g/srv/leaf cli keep");
  }

  @Test
  void aCommandOrOptionTheLauncherCannotMatchAsOneWordIsRefused() {
    CliCommand spaced =
        new CliCommand() {
          @Override
          public CommandSpec spec() {
            return CommandSpec.named("root").subcommand("two words", () -> new Tree("srv"));
          }

          @Override
          public int run(Invocation invocation) {
            return 0;
          }
        };
    assertThatThrownBy(() -> LaunchProfiles.render(spaced))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'two words'");
  }
}

package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgParserTest {
  /**
   * A small tree: root with a global -p, a group "g", and a leaf "g do" with every kind of input.
   */
  static final class Leaf implements CliCommand {
    static final Option<Boolean> ALL = Option.flag("--all", "All.");
    static final Option<String> TIMEOUT = Option.text("-t,--timeout", "S", "Timeout.").orElse("60");
    static final Option<Optional<String>> CLONE =
        Option.text("--clone", "SRC", "Clone.").optional();

    @Override
    public CommandSpec spec() {
      return CommandSpec.named("do")
          .describe("Do it.")
          .option(ALL)
          .option(TIMEOUT)
          .option(CLONE)
          .param("NAME", "Name.")
          .optionalParam("EXTRA", "Extra.");
    }

    @Override
    public int run(Invocation invocation) {
      return 0;
    }
  }

  static final class Secret implements CliCommand {
    @Override
    public CommandSpec spec() {
      return CommandSpec.named("secret")
          .describe("Plumbing.")
          .option(Option.text("--reason", "R", "Why.").required())
          .hidden();
    }

    @Override
    public int run(Invocation invocation) {
      return 0;
    }
  }

  static final class Group implements CliCommand {
    @Override
    public CommandSpec spec() {
      return CommandSpec.named("g")
          .describe("A group.")
          .subcommand("do", Leaf::new)
          .subcommand("secret", Secret::new);
    }

    @Override
    public int run(Invocation invocation) {
      return 0;
    }
  }

  static final class Root implements CliCommand {
    static final Option<String> PROFILE =
        Option.text("-p,--profile", "PROFILE", "Profile.").orElse("default");

    @Override
    public CommandSpec spec() {
      return CommandSpec.named("hermes")
          .describe("Root.")
          .globalOption(PROFILE)
          .subcommand("g", Group::new);
    }

    @Override
    public int run(Invocation invocation) {
      return 0;
    }
  }

  static ArgParser.ParsedLine parse(String... args) {
    return ArgParser.parse(new Root(), args);
  }

  @Test
  void optionFormsAndDefaults() {
    var line = parse("g", "do", "--timeout", "5", "--clone=src", "--all", "name");
    assertThat(line.get(Leaf.TIMEOUT)).isEqualTo("5");
    assertThat(line.get(Leaf.CLONE)).contains("src");
    assertThat(line.get(Leaf.ALL)).isTrue();
    assertThat(line.params()).containsExactly("name");
    assertThat(line.get(Root.PROFILE)).isEqualTo("default");

    assertThat(parse("g", "do", "-t7", "n").get(Leaf.TIMEOUT)).isEqualTo("7");
    assertThat(parse("g", "do", "-t", "8", "n").get(Leaf.TIMEOUT)).isEqualTo("8");
    assertThat(parse("g", "do", "n").get(Leaf.TIMEOUT)).isEqualTo("60");
  }

  @Test
  void theGlobalProfileGoesBeforeOrAfterTheSubcommand() {
    assertThat(parse("-p", "coder", "g", "do", "n").get(Root.PROFILE)).isEqualTo("coder");
    assertThat(parse("g", "do", "n", "--profile=coder").get(Root.PROFILE)).isEqualTo("coder");
    assertThat(parse("g", "-pcoder", "do", "n").get(Root.PROFILE)).isEqualTo("coder");
  }

  @Test
  void doubleDashEndsOptions() {
    assertThat(parse("g", "do", "--", "-weird", "--all").params())
        .containsExactly("-weird", "--all");
  }

  @Test
  void helpAndVersionWinAnywhereAndSkipTheChecks() {
    var help = parse("g", "do", "--help");
    assertThat(help.help()).isTrue();
    assertThat(help.path()).extracting(CommandSpec::name).containsExactly("hermes", "g", "do");
    assertThat(parse("g", "-V").version()).isTrue();
  }

  @Test
  void badUsage() {
    assertUsage("Unknown option: '--bogus'", "hermes g do", "g", "do", "n", "--bogus");
    assertUsage("Unknown option: '--all=yes'", "hermes g do", "g", "do", "n", "--all=yes");
    assertUsage("Unknown command: 'nope'", "hermes g", "g", "nope");
    assertUsage(
        "Missing required parameter for option '--timeout' (S)",
        "hermes g do",
        "g",
        "do",
        "n",
        "-t");
    assertUsage("Missing required parameter: 'NAME'", "hermes g do", "g", "do");
    assertUsage("Unexpected argument: 'c'", "hermes g do", "g", "do", "a", "b", "c");
    assertUsage("Missing required option: '--reason=R'", "hermes g secret", "g", "secret");
  }

  @Test
  void unknownWordsCloseToAKnownOneSayWhichItMayHaveBeen() {
    assertUsage("Unknown command: 'dp' (did you mean 'do'?)", "hermes g", "g", "dp");
    assertUsage(
        "Unknown option: '--timout' (did you mean '--timeout'?)",
        "hermes g do",
        "g",
        "do",
        "n",
        "--timout");
    assertUsage(
        "Unknown option: '--al=1' (did you mean '--all'?)", "hermes g do", "g", "do", "--al=1");
    assertUsage(
        "Unknown option: '--profle' (did you mean '--profile'?)", "hermes g", "g", "--profle");
    assertUsage("Unknown option: '--hepl' (did you mean '--help'?)", "hermes g", "g", "--hepl");
    // Hidden plumbing is not offered, nor is anything far from what was typed.
    assertUsage("Unknown command: 'secrt'", "hermes g", "g", "secrt");
    assertUsage("Unknown command: 'elsewhere'", "hermes g", "g", "elsewhere");
    assertUsage("Unknown option: '-x'", "hermes g do", "g", "do", "n", "-x");
  }

  @Test
  void helpListsVisibleSubcommandsAndEveryOption() {
    StringWriter text = new StringWriter();
    Help.print(List.of(new Root().spec(), new Group().spec()), new PrintWriter(text));
    assertThat(text.toString())
        .startsWith("Usage: hermes g [OPTIONS] [COMMAND]\nA group.\n")
        .contains("  do ")
        .doesNotContain("secret")
        .contains("  -p, --profile=PROFILE     Profile (default: default).\n");

    StringWriter leaf = new StringWriter();
    Help.print(
        List.of(new Root().spec(), new Group().spec(), new Leaf().spec()), new PrintWriter(leaf));
    assertThat(leaf.toString())
        .startsWith("Usage: hermes g do [OPTIONS] NAME [EXTRA]\n")
        .contains("  -t, --timeout=S           Timeout (default: 60).\n")
        .contains("      --all                 All.\n");
  }

  private static void assertUsage(String message, String path, String... args) {
    assertThatThrownBy(() -> parse(args))
        .isInstanceOfSatisfying(
            UsageException.class, e -> assertThat(e.commandPath()).isEqualTo(path))
        .hasMessage(message);
  }
}

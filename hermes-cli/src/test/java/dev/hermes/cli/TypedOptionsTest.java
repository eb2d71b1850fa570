package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options read as their types: ints in a range, a fixed set of words, repeated options. */
class TypedOptionsTest {
  @TempDir Path home;

  enum Color {
    RED,
    DARK_GREEN;

    String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * {@code hermes} with a global {@code -p}, and {@code hermes run} with one option of each kind.
   */
  static final class Tree implements CliCommand {
    static final Option<String> PROFILE =
        Option.text("-p,--profile", "PROFILE", "Profile.").orElse("default");
    static final Option<Optional<Integer>> PORT =
        Option.value("--port", "N", "Port.", ValueType.integer(0, 65535)).optional();
    static final Option<Integer> WAIT =
        Option.value("-w,--wait", "SECONDS", "How long.", ValueType.atLeast(1, "second"))
            .orElse(60);
    static final Option<Color> COLOR =
        Option.value("-c,--color", "COLOR", "Color.", ValueType.oneOf(Color.values(), Color::word))
            .orElse(Color.RED);
    static final Option<List<String>> TAG = Option.text("-t,--tag", "TAG", "A tag.").repeated();
    static final Option<List<Integer>> LEVEL =
        Option.value("--level", "N", "Level.", ValueType.integer(1, 3)).repeated();
    static final Option<Boolean> QUIET = Option.flag("--quiet", "Quiet.");

    private final boolean root;

    private Tree(boolean root) {
      this.root = root;
    }

    static Tree root() {
      return new Tree(true);
    }

    @Override
    public CommandSpec spec() {
      if (root) {
        return CommandSpec.named("hermes")
            .describe("Root.")
            .globalOption(PROFILE)
            .subcommand("run", () -> new Tree(false));
      }
      return CommandSpec.named("run")
          .describe("Tree.")
          .option(PORT)
          .option(WAIT)
          .option(COLOR)
          .option(TAG)
          .option(LEVEL)
          .option(QUIET);
    }

    @Override
    public int run(Invocation invocation) {
      return 0;
    }
  }

  static ArgParser.ParsedLine parse(String... args) {
    return ArgParser.parse(Tree.root(), args);
  }

  @Test
  void integersAreReadAsIntsWithTheirDefault() {
    var line = parse("run", "--port", "8080", "-w", " 7");
    assertThat(line.get(Tree.PORT)).contains(8080);
    assertThat(line.get(Tree.WAIT)).isEqualTo(7);
    assertThat(parse("run").get(Tree.PORT)).isEmpty();
    assertThat(parse("run").get(Tree.WAIT)).isEqualTo(60);
    assertThat(parse("run", "--port=0").get(Tree.PORT)).contains(0);
    assertThat(parse("run", "--port", "65535").get(Tree.PORT)).contains(65535);
  }

  @Test
  void anIntegerOutOfItsRangeOrNotAnIntIsBadUsage() {
    assertUsage("--port must be between 0 and 65535, got 70000", "run", "--port", "70000");
    assertUsage("--port must be between 0 and 65535, got -1", "run", "--port=-1");
    assertUsage("--wait must be at least 1 second, got 0", "run", "-w0");
    assertUsage("Invalid value for option '--port': 'abc' is not an int", "run", "--port", "abc");
    assertUsage("Invalid value for option '--wait': '' is not an int", "run", "--wait=");
    assertUsage(
        "Invalid value for option '--port': '99999999999' is not an int",
        "run",
        "--port",
        "99999999999");
  }

  @Test
  void aFixedSetTakesOnlyItsOwnWords() {
    assertThat(parse("run", "--color", "dark-green").get(Tree.COLOR)).isEqualTo(Color.DARK_GREEN);
    assertThat(parse("run").get(Tree.COLOR)).isEqualTo(Color.RED);
    assertUsage(
        "Invalid value for option '--color': 'blue' is not one of red, dark-green",
        "run",
        "--color",
        "blue");
    assertUsage(
        "Invalid value for option '--color': 'RED' is not one of red, dark-green",
        "run",
        "--color=RED");
  }

  @Test
  void aRepeatedOptionReadsEveryValueInOrder() {
    assertThat(parse("run", "-t", "a", "--tag=b", "-tc", "--tag", "a").get(Tree.TAG))
        .containsExactly("a", "b", "c", "a");
    assertThat(parse("run").get(Tree.TAG)).isEmpty();
    assertThat(parse("run", "--level", "1", "--level=3").get(Tree.LEVEL)).containsExactly(1, 3);
    assertUsage("--level must be between 1 and 3, got 4", "run", "--level", "1", "--level", "4");
  }

  @Test
  void anOptionGivenTwiceThatIsNotRepeatedKeepsTheLastValue() {
    assertThat(parse("run", "--port", "1", "--port", "2").get(Tree.PORT)).contains(2);
    assertThat(parse("run", "--quiet", "--quiet").get(Tree.QUIET)).isTrue();
    assertThat(parse("run").get(Tree.QUIET)).isFalse();
  }

  @Test
  void anOptionWithoutItsValueIsBadUsage() {
    assertUsage("Missing required parameter for option '--port' (N)", "run", "--port");
    assertUsage("Missing required parameter for option '--tag' (TAG)", "run", "-t", "x", "-t");
    assertUsage("Missing required parameter for option '--color' (COLOR)", "run", "--color");
  }

  @Test
  void helpAndVersionAnswerWithoutReadingTheValues() {
    assertThat(parse("run", "--port", "x", "--help").help()).isTrue();
    assertThat(parse("run", "--color", "blue", "-V").version()).isTrue();
  }

  @Test
  void aCommandReadsOnlyTheOptionsItDeclares() {
    var line = parse("run");
    assertThat(line.get(Tree.PROFILE)).isEqualTo("default");
    assertThatThrownBy(() -> line.get(ProfileOption.PROFILE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--profile");
  }

  @Test
  void theHelpListsTheChoicesTheDefaultAndWhatMayBeRepeated() {
    StringWriter text = new StringWriter();
    Help.print(parse("run", "--help").path(), new PrintWriter(text));
    assertThat(text.toString())
        .contains("      --port=N              Port.\n")
        .contains("  -w, --wait=SECONDS        How long (default: 60).\n")
        .contains("  -c, --color=COLOR         Color (one of: red, dark-green; default: red).\n")
        .contains("  -t, --tag=TAG             A tag (repeatable).\n")
        .contains("      --quiet               Quiet.\n");
  }

  @Test
  void aBadValueOfARealCommandIsOneErrorLineAndExitTwo() {
    assertBadUsage(
        "Invalid value for option '--code': 'x' is not one of crash-loop, fatal-config,"
            + " supervisor-gave-up",
        "hermes supervise record-failure",
        "supervise",
        "record-failure",
        "--reason",
        "r",
        "--code",
        "x");
    assertBadUsage(
        "--timeout must be at least 1 second, got -3",
        "hermes gateway restart",
        "gateway",
        "restart",
        "--timeout",
        "-3");
  }

  @Test
  void aBadProfileIsTheErrorBeforeAnyOtherBadValue() {
    assertBadUsage(
        "profile name must match [a-z0-9][a-z0-9_-]*, got 'Bad/Name'",
        "hermes gateway start",
        "gateway",
        "start",
        "--timeout",
        "0",
        "-p",
        "Bad/Name");
  }

  /** The real command tree: exit 2, the error line and the hint to the command's help. */
  private void assertBadUsage(String error, String path, String... args) {
    CliRun r = CliRun.run(home, args);
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("hermes: error: " + error + "\nTry '" + path + " --help'.\n");
  }

  private static void assertUsage(String message, String... args) {
    assertThatThrownBy(() -> parse(args))
        .isInstanceOfSatisfying(
            UsageException.class, e -> assertThat(e.commandPath()).isEqualTo("hermes run"))
        .hasMessage(message);
  }
}

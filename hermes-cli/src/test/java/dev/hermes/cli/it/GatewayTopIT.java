package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.testing.Required;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hermes gateway top} in a real terminal (tmux) against a real {@code hermes up}: it lists
 * the profiles with each running gateway's CPU and memory, starts the selected gateway, follows a
 * resize, and leaves the terminal as it found it; without a terminal it prints the table once.
 */
class GatewayTopIT {
  private static final Duration SCREEN = Duration.ofSeconds(60);
  private static final Duration READY = Duration.ofSeconds(60);

  @TempDir Path home;
  @TempDir Path scratch;

  private HermesCli cli;
  private HermesUp up;
  private Tmux tmux;

  @BeforeEach
  void setUp() throws IOException {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    Required.engine(Tmux.installed(), "tmux is not installed (apt-get install tmux)");
    cli = new HermesCli(home, scratch);
    int base = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 99) + "\"\n");
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    cli.awaitGateway("default", READY, HermesCli::ready);
    cli.ok("profile", "create", "alpha");
    cli.ok("profile", "create", "beta");
  }

  /** A gateway the supervisor holds down: its config.yaml does not parse. */
  private void failedGateway(String profile) throws IOException {
    cli.ok("profile", "create", profile);
    Files.writeString(home.resolve("profiles/" + profile + "/config.yaml"), "gateway: [unclosed\n");
    assertThat(cli.run("-p", profile, "gateway", "start", "--wait").code()).isEqualTo(1);
    assertThat(cli.gateway(profile).get("actual").asText()).isEqualTo("failed");
  }

  @AfterEach
  void tearDown() {
    if (tmux != null) {
      tmux.close();
    }
    if (up != null) {
      up.close();
    }
  }

  private Tmux terminal(int width, int height) {
    Map<String, String> env = new HashMap<>(cli.builder().environment());
    env.remove("TMUX");
    tmux = Tmux.start(scratch, env, width, height);
    return tmux;
  }

  /** The first line starting so, or "" (the screen may be caught half drawn). */
  private static String line(String screen, String start) {
    return screen.lines().filter(l -> l.startsWith(start)).findFirst().orElse("");
  }

  @Test
  void startsTheSelectedGatewayFollowsResizesAndRestoresTheTerminal() throws IOException {
    failedGateway("gamma");
    Tmux term = terminal(120, 30);
    term.send(HermesCli.LAUNCHER + " gateway top", "Enter");

    String screen =
        term.awaitScreen(SCREEN, s -> s.contains("LAST EXIT") && s.contains("beta    "));
    assertThat(term.display("#{alternate_on}")).isEqualTo("1");
    assertThat(line(screen, "hermes gateway top")).contains("4 gateway(s), 1 up, 1 failing");
    assertThat(line(screen, "PROFILE")).contains("  UPTIME  CPU%  MEM  ");
    assertThat(line(screen, "default")).contains("ready");
    // The default gateway's process read from /proc: its memory at once, its CPU share from the
    // second refresh on (a share needs two readings); nothing for gateways that do not run.
    term.awaitScreen(
        SCREEN,
        s ->
            line(s, "default")
                .matches("default +running +ready +\\d+ +\\S+ +\\d+\\.\\d +\\d+[KMG] +0 .*"));
    assertThat(line(screen, "alpha")).matches("alpha +\\S+ +down +- +- +- +- +0 .*");
    assertThat(line(screen, "beta")).contains("down");
    // The reason the gateway gave as it refused its config, cut to the width by the view.
    assertThat(line(screen, "gamma"))
        .matches(
            "gamma +running +failed +- +- +- +- +0 +bad-config +exit 78 +fatal configuration:"
                + " invalid YAML.*…");
    // The failed gateway stands out in red (SGR 31), the others do not.
    String colours = term.screenWithAttributes();
    assertThat(colours).containsPattern("\\u001b\\[[0-9;]*31[0-9;]*mgamma ");
    assertThat(colours).doesNotContainPattern("\\u001b\\[[0-9;]*31[0-9;]*m(alpha|beta) ");

    // default, alpha, beta: two steps down, by arrow and by j.
    term.send("Down");
    term.send("j");
    term.awaitScreen(SCREEN, s -> s.contains("gateway-beta: s start"));
    term.send("s");
    term.awaitScreen(SCREEN, s -> s.contains("✓ Started gateway-beta"));
    JsonNode beta = cli.awaitGateway("beta", READY, HermesCli::ready);
    assertThat(beta.get("desired").asText()).isEqualTo("running");
    assertThat(cli.gateway("alpha").get("up").asBoolean()).isFalse();
    term.awaitScreen(
        SCREEN,
        s -> line(s, "beta").matches("beta +running +ready +\\d+ +\\S+ +\\S+ +\\d+[KMG] .*"));

    // The log of the selected gateway, then back.
    term.send("l");
    term.awaitScreen(SCREEN, s -> s.contains("log of gateway-beta") && s.contains("info: ready"));
    term.send("Escape");
    term.awaitScreen(SCREEN, s -> s.contains("LAST EXIT"));

    term.resize(60, 20);
    // Cut by the view itself (tmux alone would just clip): the header ends in an ellipsis at
    // exactly the new width.
    String narrow = term.awaitScreen(SCREEN, s -> line(s, "PROFILE").endsWith("…"));
    assertThat(line(narrow, "PROFILE")).hasSize(60);
    assertThat(line(narrow, "gateway-beta: s start")).hasSize(60).endsWith("…");
    assertThat(narrow).doesNotContain("LAST EXIT");
    term.resize(120, 30);
    term.awaitScreen(SCREEN, s -> s.contains("LAST EXIT"));

    term.send("q");
    term.awaitScreen(SCREEN, s -> s.strip().endsWith("tmux$"));
    assertThat(term.display("#{alternate_on}")).as("alternate screen off").isEqualTo("0");
    assertThat(term.display("#{cursor_flag}")).as("cursor visible").isEqualTo("1");
    assertThat(term.display("#{keypad_cursor_flag}")).as("cursor keys normal").isEqualTo("0");
    assertThat(term.display("#{pane_current_command}")).isEqualTo("sh");
    assertThat(cli.ok("gateway", "status", "--all")).containsPattern("beta +running +ready");
  }

  @Test
  void restartingABrokenGatewaySaysItIsHeldDownAgainAndItsLogWrapsLongLines() throws IOException {
    failedGateway("gamma");
    int width = 100;
    Tmux term = terminal(width, 30);
    term.send(HermesCli.LAUNCHER + " gateway top", "Enter");
    term.awaitScreen(SCREEN, s -> s.contains("LAST EXIT") && s.contains("gamma    "));

    // default, alpha, beta, gamma: three steps down.
    term.send("Down");
    term.send("Down");
    term.send("Down");
    term.awaitScreen(SCREEN, s -> s.contains("gateway-gamma: s start"));
    term.send("r");
    String held =
        term.awaitScreen(SCREEN, s -> s.contains("✗ gateway-gamma") || s.contains("✓ Restarted"));
    // What the supervisor made of it, with the gateway's own reason, cut to the width.
    String outcome =
        "✗ gateway-gamma is held down again: failed: fatal configuration: invalid YAML in "
            + home.resolve("profiles/gamma/config.yaml")
            + ": while parsing a flow sequence";
    assertThat(outcome.length()).isGreaterThan(width);
    assertThat(line(held, "✗ gateway-gamma").stripTrailing())
        .isEqualTo(outcome.substring(0, width - 1) + "…");
    assertThat(held).doesNotContain("✓ Restarted");
    assertThat(cli.gateway("gamma").get("actual").asText()).isEqualTo("failed");

    // The gateway's own line about the YAML is wider than the terminal: shown whole, wrapped.
    String longLine =
        Files.readAllLines(home.resolve("logs/gateways/gamma/current")).stream()
            .filter(l -> l.contains("error: fatal configuration: invalid YAML in"))
            .reduce((first, second) -> second)
            .orElseThrow();
    assertThat(longLine.length()).as(longLine).isGreaterThan(width);
    List<String> pieces = new ArrayList<>();
    for (int start = 0; start < longLine.length(); start += width) {
      pieces.add(
          longLine.substring(start, Math.min(longLine.length(), start + width)).stripTrailing());
    }
    term.send("l");
    String log =
        term.awaitScreen(SCREEN, s -> s.contains("log of gateway-gamma") && containsRun(s, pieces));
    assertThat(log).doesNotContain(longLine.substring(0, width - 1) + "…");
    term.send("q");

    // How its last process ended, as the finish script recorded it, and its audit trail: the
    // view's own restart, then the supervisor's hold.
    term.awaitScreen(SCREEN, s -> s.contains("last death: exit-code (exit 78)"));
    term.send("h");
    String history =
        term.awaitScreen(
            SCREEN, s -> s.contains("history of gateway-gamma") && s.contains(" hold "));
    assertThat(history).containsPattern("gamma +restart +terminal-view ");
    assertThat(history).containsPattern("gamma +hold +supervisor ");
    term.send("q");
    term.send("q");
    term.awaitScreen(SCREEN, s -> s.strip().endsWith("tmux$"));
  }

  /** Whether the screen has these lines one after the other (trailing blanks aside). */
  private static boolean containsRun(String screen, List<String> lines) {
    List<String> rows = screen.lines().map(String::stripTrailing).toList();
    for (int i = 0; i + lines.size() <= rows.size(); i++) {
      if (rows.subList(i, i + lines.size()).equals(lines)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void withoutATerminalItPrintsTheTableOnce() throws IOException {
    // stdout a file, stdin the terminal: still no full screen.
    Tmux term = terminal(120, 30);
    Path printed = scratch.resolve("top.txt");
    term.send(HermesCli.LAUNCHER + " gateway top >" + printed + "; echo top-exit=$?", "Enter");
    String after = term.awaitScreen(SCREEN, s -> s.matches("(?s).*top-exit=\\d.*"));
    assertThat(after).contains("top-exit=0");
    assertOneTable(Files.readString(printed));

    // The same view as --tui, in the terminal.
    term.send("clear; " + HermesCli.LAUNCHER + " --tui", "Enter");
    term.awaitScreen(SCREEN, s -> s.contains("LAST EXIT") && s.contains("gateway-default: s"));
    term.send("q");
    term.awaitScreen(SCREEN, s -> s.strip().endsWith("tmux$"));
    assertThat(term.display("#{alternate_on}")).isEqualTo("0");

    // Neither stdin nor stdout a terminal, both spellings.
    for (List<String> args : List.of(List.of("gateway", "top"), List.of("--tui"))) {
      HermesCli.Result r = cli.run(args.toArray(String[]::new));
      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertOneTable(r.out());
    }
  }

  private static void assertOneTable(String out) {
    assertThat(out).doesNotContain("\u001b");
    assertThat(out.lines().filter(l -> l.startsWith("PROFILE  DESIRED  ACTUAL"))).hasSize(1);
    assertThat(out.lines().map(l -> l.split(" +")[0]))
        .containsExactly("PROFILE", "default", "alpha", "beta");
  }
}

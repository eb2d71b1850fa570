package dev.hermes.cli.top;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.cli.top.ScreenLine.Style;
import dev.hermes.core.state.ActualState;
import dev.hermes.core.state.Death;
import dev.hermes.core.state.DeathCause;
import dev.hermes.core.state.DesiredState;
import dev.hermes.core.state.HoldReason;
import dev.hermes.supervision.GatewayOverview;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopRendererTest {
  static GatewayOverview ready(String profile, int pid, int port) {
    return new GatewayOverview(
        profile,
        DesiredState.RUNNING,
        ActualState.READY,
        null,
        null,
        true,
        true,
        true,
        pid,
        192,
        0,
        port,
        null,
        -1,
        null,
        null,
        -1);
  }

  static GatewayOverview down(String profile, int port) {
    return new GatewayOverview(
        profile,
        DesiredState.STOPPED,
        ActualState.DOWN,
        null,
        null,
        true,
        false,
        false,
        -1,
        -1,
        0,
        port,
        "exit 0",
        -1,
        null,
        null,
        -1);
  }

  static GatewayOverview crashLooped(String profile, int port) {
    return new GatewayOverview(
        profile,
        DesiredState.RUNNING,
        ActualState.CRASH_LOOP,
        "crash loop (5 exits in 41s, last: exit 1)",
        HoldReason.CRASH_LOOP,
        true,
        false,
        false,
        -1,
        -1,
        5,
        port,
        "exit 1",
        -1,
        null,
        null,
        -1);
  }

  private static final List<GatewayOverview> ROWS =
      List.of(ready("default", 4242, 8642), crashLooped("coder", 8643), down("notes", 8644));

  private static List<String> texts(List<ScreenLine> lines) {
    return lines.stream().map(ScreenLine::text).toList();
  }

  @Test
  void aWideScreenShowsTheStatusColumnsInFullWithTheSelectionAndHelp() {
    TopScreen screen =
        new TopScreen(
            ROWS,
            2,
            new TopScreen.Status("✓ Started gateway-notes", false),
            null,
            Map.of("default", List.of("0.3", "185M")),
            java.time.Instant.EPOCH);

    List<ScreenLine> lines = TopRenderer.render(screen, 130, 10);

    assertThat(lines).hasSize(10);
    assertThat(texts(lines).subList(0, 5))
        .containsExactly(
            "hermes gateway top · 3 gateway(s), 1 up, 1 failing",
            String.format(
                "%-130s",
                "PROFILE  DESIRED  ACTUAL      PID   UPTIME  CPU%  MEM   RESTARTS  PORT  LAST EXIT"
                    + "  REASON"),
            "default  running  ready       4242  3m12s   0.3   185M  0         8642  -          -",
            "coder    running  crash-loop  -     -       -     -     5         8643  exit 1     "
                + "crash loop (5 exits in 41s, last: exit 1)",
            String.format(
                "%-130s",
                "notes    stopped  down        -     -       -     -     0         8644  exit 0"
                    + "     -"));
    assertThat(texts(lines).subList(5, 7)).containsOnly("");
    assertThat(lines.get(7)).isEqualTo(new ScreenLine("last death: none recorded", Style.MESSAGE));
    assertThat(lines.get(8)).isEqualTo(new ScreenLine("✓ Started gateway-notes", Style.MESSAGE));
    assertThat(lines.get(9).text())
        .isEqualTo(
            "gateway-notes: s start  x stop  r restart  l log  h history  ↑↓/jk select  q quit");
    assertThat(lines.stream().map(ScreenLine::style).toList())
        .containsExactly(
            Style.TITLE,
            Style.HEADER,
            Style.ROW,
            Style.FAILED,
            Style.SELECTED,
            Style.ROW,
            Style.ROW,
            Style.MESSAGE,
            Style.MESSAGE,
            Style.HELP);
  }

  @Test
  void theSelectedGatewaysLastDeathShowsWithItsCauseAndHowLongAgoAnUncleanOneAsAnError() {
    GatewayOverview killed =
        new GatewayOverview(
            "coder",
            DesiredState.RUNNING,
            ActualState.READY,
            null,
            null,
            true,
            true,
            true,
            4243,
            192,
            1,
            8643,
            null,
            -1,
            null,
            new Death(DeathCause.OOM_KILL, "signal SIGKILL", 1_796_000_000L),
            -1);
    TopScreen screen =
        new TopScreen(
            List.of(killed), 0, null, null, Map.of(), Instant.ofEpochSecond(1_796_000_192L));

    ScreenLine death = TopRenderer.render(screen, 120, 8).get(5);

    assertThat(death)
        .isEqualTo(
            new ScreenLine(
                "last death: oom-kill (signal SIGKILL), 3m12s ago at 2026-11-30T00:53:20Z",
                Style.ERROR));
  }

  @Test
  void aSelectedFailingRowKeepsItsHighlightAndErrorsShowAsErrors() {
    TopScreen screen =
        new TopScreen(
            ROWS, 1, new TopScreen.Status("✗ Could not start gateway-coder: no", true), null);

    List<ScreenLine> lines = TopRenderer.render(screen, 100, 8);

    assertThat(lines.get(3).style()).isEqualTo(Style.SELECTED_FAILED);
    assertThat(lines.get(6).style()).isEqualTo(Style.ERROR);
  }

  @Test
  void aNarrowScreenCutsEveryLineToItsWidth() {
    TopScreen screen = new TopScreen(ROWS, 0, null, null);

    List<ScreenLine> lines = TopRenderer.render(screen, 40, 8);

    assertThat(texts(lines)).allMatch(t -> t.codePointCount(0, t.length()) <= 40);
    assertThat(lines.get(1).text()).isEqualTo("PROFILE  DESIRED  ACTUAL      PID   UPT…");
    assertThat(lines.get(2).text()).hasSize(40).startsWith("default  running  ready").endsWith("…");
    assertThat(lines.get(7).text()).isEqualTo("gateway-default: s start  x stop  r res…");
  }

  @Test
  void theSelectionStaysVisibleWhenThereAreMoreGatewaysThanLines() {
    List<GatewayOverview> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(down(String.format("p%02d", i), 9000 + i));
    }

    List<ScreenLine> lines = TopRenderer.render(new TopScreen(many, 25, null, null), 80, 10);

    assertThat(TopRenderer.bodyHeight(10)).isEqualTo(5);
    assertThat(lines).hasSize(10);
    assertThat(lines.get(0).text()).endsWith("· rows 22-26");
    assertThat(lines.get(2).text()).startsWith("p21 ");
    assertThat(lines.get(6)).satisfies(l -> assertThat(l.style()).isEqualTo(Style.SELECTED));
    assertThat(lines.get(6).text()).startsWith("p25 ");
  }

  @Test
  void withoutProfilesItSaysSoAndOffersOnlyQuit() {
    List<ScreenLine> lines = TopRenderer.render(new TopScreen(List.of(), 0, null, null), 60, 6);

    assertThat(texts(lines))
        .containsExactly(
            "hermes gateway top · 0 gateway(s), 0 up",
            "PROFILE  DESIRED  ACTUAL  PID  UPTIME  CPU%  MEM  RESTARTS …",
            "(no profiles)",
            "",
            "",
            "q quit");
  }

  @Test
  void theLogPaneShowsTheLastLinesThatFitWithoutControlCharacters() {
    List<String> log = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      log.add("line " + i);
    }
    log.add("tab\there \u001b[2Jescape");
    TopScreen screen =
        new TopScreen(
            ROWS,
            0,
            null,
            new TopScreen.Pane(
                TopScreen.PaneKind.LOG, "coder", "/h/logs/gateways/coder/current", log, null));

    List<ScreenLine> lines = TopRenderer.render(screen, 50, 6);

    assertThat(texts(lines))
        .containsExactly(
            "log of gateway-coder: /h/logs/gateways/coder/curr…",
            "line 18",
            "line 19",
            "line 20",
            "tab     here ?[2Jescape",
            "any key: back to the table  ·  Ctrl-C quit");
    assertThat(lines.get(1).style()).isEqualTo(Style.LOG);
  }

  @Test
  void anEmptyOrMissingLogSaysWhy() {
    TopScreen missing =
        new TopScreen(
            ROWS,
            0,
            null,
            new TopScreen.Pane(TopScreen.PaneKind.LOG, "notes", "/f", List.of(), "(no log yet)"));
    TopScreen empty =
        new TopScreen(
            ROWS,
            0,
            null,
            new TopScreen.Pane(TopScreen.PaneKind.LOG, "notes", "/f", List.of(), null));

    assertThat(TopRenderer.render(missing, 40, 4).get(1).text()).isEqualTo("(no log yet)");
    assertThat(TopRenderer.render(empty, 40, 4).get(1).text()).isEqualTo("(the log is empty)");
  }

  @Test
  void aTinyScreenGetsAsManyLinesAsItHas() {
    assertThat(TopRenderer.render(new TopScreen(ROWS, 0, null, null), 30, 2)).hasSize(2);
    assertThat(TopRenderer.render(new TopScreen(ROWS, 0, null, null), 0, 0)).isEmpty();
  }

  @Test
  void aLogLineWiderThanTheScreenWrapsSoNothingIsCut() {
    String yaml = "gateway[coder]: error: fatal configuration: invalid YAML in config.yaml line 3";
    TopScreen screen =
        new TopScreen(
            ROWS,
            0,
            null,
            new TopScreen.Pane(TopScreen.PaneKind.LOG, "coder", "/f", List.of(yaml), null));

    List<String> body = texts(TopRenderer.render(screen, 30, 8)).subList(1, 4);

    assertThat(String.join("", body)).isEqualTo(yaml);
    assertThat(body).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(30));
  }
}

package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hermes.cli.top.Key;
import dev.hermes.cli.top.TopController;
import dev.hermes.cli.top.TopScreen;
import dev.hermes.cli.top.TopView;
import dev.hermes.core.ContainerProbe;
import dev.hermes.core.HermesHome;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditAction;
import dev.hermes.core.audit.AuditEvent;
import dev.hermes.core.audit.AuditLog;
import dev.hermes.supervision.GatewayBoard;
import dev.hermes.supervision.GatewayOverview;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.SupervisionException;
import dev.hermes.supervision.testing.FakeServiceManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal view without a terminal: {@code gateway top} and {@code --tui} where there is no
 * TTY, and what each key does, over a temporary HERMES_HOME and a fake service manager.
 */
class GatewayTopTest {
  @TempDir Path home;

  private FakeServiceManager manager;

  @BeforeEach
  void profiles() {
    for (String p : new String[] {"alpha", "beta"}) {
      assertThat(CliRun.run(home, "profile", "create", p).code()).isZero();
    }
    manager = FakeServiceManager.local().up("default").down("alpha", "beta");
  }

  private GatewayBoard board(Function<CliContext, ServiceManager> managers) {
    return TopView.board(
        new CliContext(
            Map.of("HERMES_HOME", home.toString()),
            new HermesHome(home),
            null,
            new ContainerProbe(home.resolve("no-such-root")),
            managers));
  }

  private TopController controller() {
    GatewayBoard board = board(c -> manager);
    return new TopController(board, board.rows());
  }

  private static String selected(TopController top) {
    return top.screen().selectedRow().profile();
  }

  private String desired(String profile) {
    return new HermesHome(home).profile(profile).state().text("desired_state").orElse("(none)");
  }

  @Test
  void withoutATerminalTopAndTuiPrintTheStatusTableOnce() {
    String status = CliRun.run(home, manager, "gateway", "status", "--all").out();

    CliRun top = CliRun.run(home, manager, "gateway", "top");
    CliRun tui = CliRun.run(home, manager, "--tui");

    assertThat(top.code()).isZero();
    assertThat(top.out()).isEqualTo(status).startsWith("PROFILE  DESIRED  ACTUAL");
    assertThat(top.out().lines()).hasSize(4);
    assertThat(top.err()).isEmpty();
    assertThat(tui.code()).isZero();
    assertThat(tui.out()).isEqualTo(status);
  }

  @Test
  void arrowsAndPagingMoveTheSelectionWithinTheList() {
    TopController top = controller();
    assertThat(selected(top)).isEqualTo("default");

    top.handle(Key.UP);
    assertThat(selected(top)).isEqualTo("default");
    top.handle(Key.DOWN);
    top.handle(Key.DOWN);
    top.handle(Key.DOWN);
    assertThat(selected(top)).isEqualTo("beta");
    top.handle(Key.UP);
    assertThat(selected(top)).isEqualTo("alpha");
    top.handle(Key.HOME);
    assertThat(selected(top)).isEqualTo("default");
    top.handle(Key.END);
    assertThat(selected(top)).isEqualTo("beta");
    top.pageSize(2);
    top.handle(Key.PAGE_UP);
    assertThat(selected(top)).isEqualTo("default");
    top.handle(Key.PAGE_DOWN);
    assertThat(selected(top)).isEqualTo("beta");
  }

  @Test
  void aRestartThatIsHeldDownAgainAtOnceSaysSoInRed() {
    manager.keepsFailing("alpha", "fatal configuration: invalid YAML in config.yaml line 3");
    manager.acceptLifecycle();
    TopController top = controller();
    top.handle(Key.DOWN);

    top.handle(Key.RESTART);

    assertThat(manager.actions()).containsExactly("restart alpha");
    assertThat(top.screen().status())
        .isEqualTo(
            new TopScreen.Status(
                "✗ gateway-alpha is held down again: failed: fatal configuration: invalid YAML in"
                    + " config.yaml line 3",
                true));
  }

  @Test
  void startGoesThroughTheManagerRecordsDesiredStateAndShowsTheResult() {
    manager.acceptLifecycle();
    TopController top = controller();
    top.handle(Key.DOWN);

    assertThat(top.handle(Key.START)).isTrue();

    assertThat(manager.actions()).containsExactly("start alpha");
    assertThat(desired("alpha")).isEqualTo("running");
    TopScreen screen = top.screen();
    assertThat(screen.status())
        .isEqualTo(new TopScreen.Status("✓ Started gateway-alpha: ready, PID 4242", false));
    assertThat(screen.selectedRow().actual().word()).as("refreshed at once").isEqualTo("ready");

    top.handle(Key.STOP);
    top.handle(Key.RESTART);
    assertThat(manager.actions()).containsExactly("start alpha", "stop alpha", "restart alpha");
    assertThat(top.screen().status().text())
        .isEqualTo("✓ Restarted gateway-alpha: ready, PID 4242");
    assertThat(desired("alpha")).isEqualTo("running");
  }

  @Test
  void eachKeysActionIsAnAuditLineOfTheTerminalView() {
    manager.acceptLifecycle();
    TopController top = controller();
    top.handle(Key.DOWN);

    top.handle(Key.START);
    top.handle(Key.STOP);

    assertThat(AuditLog.of(new HermesHome(home), w -> {}).read("alpha"))
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::result)
        .containsExactly(
            tuple(AuditAction.START, Actor.TERMINAL_VIEW, "ok"),
            tuple(AuditAction.STOP, Actor.TERMINAL_VIEW, "ok"));
  }

  @Test
  void aRefusedActionIsAnErrorLineAndChangesNothing() {
    manager.acceptLifecycle("beta");
    TopController top = controller();
    top.handle(Key.END);

    assertThat(top.handle(Key.STOP)).isTrue();

    assertThat(top.screen().status())
        .isEqualTo(
            new TopScreen.Status(
                "✗ Could not stop gateway-beta: the supervisor refused to stop gateway-beta",
                true));
    assertThat(manager.actions()).isEmpty();
    assertThat(desired("beta")).isEqualTo("(none)");
  }

  @Test
  void theSelectionStaysOnItsProfileWhenRowsAreAddedBeforeIt() {
    TopController top = controller();
    top.handle(Key.END);
    assertThat(CliRun.run(home, "profile", "create", "aaa").code()).isZero();

    top.refresh();

    assertThat(top.screen().rows()).extracting(GatewayOverview::profile).contains("aaa");
    assertThat(selected(top)).isEqualTo("beta");
  }

  @Test
  void theLogKeyShowsTheTailAndAnyKeyGoesBack() throws IOException {
    Path log = Files.createDirectories(home.resolve("logs/gateways/alpha")).resolve("current");
    Files.writeString(log, "2026-01-01 gateway[alpha pid 7]: info: ready\nsecond line\n");
    TopController top = controller();
    top.handle(Key.DOWN);

    top.handle(Key.LOG);

    TopScreen.Pane pane = top.screen().pane();
    assertThat(pane.profile()).isEqualTo("alpha");
    assertThat(pane.file()).isEqualTo(log.toString());
    assertThat(pane.lines())
        .containsExactly("2026-01-01 gateway[alpha pid 7]: info: ready", "second line");
    Files.writeString(log, "third line\n", java.nio.file.StandardOpenOption.APPEND);
    top.refresh();
    assertThat(top.screen().pane().lines()).endsWith("third line");

    assertThat(top.handle(Key.QUIT)).as("q in the log goes back, it does not quit").isTrue();
    assertThat(top.screen().pane()).isNull();
    assertThat(top.handle(Key.QUIT)).isFalse();
  }

  @Test
  void theHistoryKeyShowsTheSelectedGatewaysAuditTrailWithTheViewsOwnActions() {
    manager.acceptLifecycle();
    TopController top = controller();
    top.handle(Key.DOWN);
    top.handle(Key.HISTORY);
    assertThat(top.screen().pane().kind()).isEqualTo(TopScreen.PaneKind.HISTORY);
    assertThat(top.screen().pane().lines()).as("nothing recorded yet").isEmpty();
    top.handle(Key.OTHER);

    top.handle(Key.START);
    top.handle(Key.HISTORY);

    TopScreen.Pane pane = top.screen().pane();
    assertThat(pane.profile()).isEqualTo("alpha");
    assertThat(pane.file()).isEqualTo(home.resolve("logs/audit.jsonl").toString());
    assertThat(pane.lines().get(0)).startsWith("TIME").contains("ACTION").contains("ACTOR");
    assertThat(pane.lines().get(pane.lines().size() - 1))
        .containsPattern("alpha +start +terminal-view .*hermes gateway top +ok");
    assertThat(String.join("\n", pane.lines())).doesNotContain("beta");

    top.refresh();
    assertThat(top.screen().pane()).as("an unchanged trail is not read again").isSameAs(pane);
    AuditLog.of(new HermesHome(home), w -> {})
        .record("alpha", AuditAction.STOP, Actor.CLI, "from another terminal", "ok");
    top.refresh();
    List<String> lines = top.screen().pane().lines();
    assertThat(lines.get(lines.size() - 1))
        .containsPattern("alpha +stop +cli .*from another terminal +ok");
  }

  @Test
  void aGatewayWithoutALogSaysSo() {
    TopController top = controller();
    top.handle(Key.END);
    top.handle(Key.LOG);

    assertThat(top.screen().pane().note()).isEqualTo("(no log yet)");
    assertThat(top.screen().pane().lines()).isEmpty();
  }

  @Test
  void ctrlCQuitsFromAnyView() {
    TopController top = controller();
    top.handle(Key.LOG);
    assertThat(top.handle(Key.INTERRUPT)).isFalse();
    assertThat(controller().handle(Key.INTERRUPT)).isFalse();
  }

  @Test
  void aGatewayWhoseStatusFailsIsAnUnknownRowNamingTheError() {
    manager.broken("alpha");

    TopController top = controller();

    GatewayOverview alpha = top.screen().rows().get(1);
    assertThat(alpha.actual().word()).isEqualTo("unknown");
    assertThat(alpha.reason()).isEqualTo("status unavailable: s6-svstat failed for gateway-alpha");
    assertThat(top.screen().rows().get(2).actual().word()).isEqualTo("down");
  }

  @Test
  void aFailedRefreshKeepsTheLastRowsAndSaysWhy() {
    List<GatewayOverview> rows = controller().screen().rows();
    GatewayBoard broken =
        board(
            c -> {
              throw new SupervisionException("cannot tell which service manager to use");
            });
    TopController top = new TopController(broken, rows);

    top.refresh();

    assertThat(top.screen().rows()).isEqualTo(rows);
    assertThat(top.screen().status())
        .isEqualTo(
            new TopScreen.Status(
                "✗ Could not refresh: cannot tell which service manager to use", true));
  }
}

package dev.hermes.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.hermes.core.HermesHome;
import dev.hermes.core.ProfileHooks;
import dev.hermes.core.ProfileStore;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditAction;
import dev.hermes.core.audit.AuditEvent;
import dev.hermes.core.audit.AuditLog;
import dev.hermes.core.state.ActualState;
import dev.hermes.supervision.testing.FakeServiceManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayBoardTest {
  @TempDir Path root;
  private HermesHome home;
  private final FakeServiceManager manager = FakeServiceManager.local().up("default");
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void profiles() {
    home = new HermesHome(root);
    ProfileStore store = new ProfileStore(home, ProfileHooks.NONE);
    store.ensureDefault();
    store.create("zeta", Optional.empty(), OptionalInt.of(40101));
    store.create("alpha", Optional.empty(), OptionalInt.of(40102));
  }

  private List<GatewayBoard> boards() {
    GatewayControl control =
        new GatewayControl(manager, home, Clock.systemUTC(), AuditLog.of(home, warnings::add));
    return List.of(GatewayBoard.direct(home, () -> control), GatewayBoard.cached(home, control));
  }

  @Test
  void theRowsAreTheDefaultProfileFirstThenByName() {
    for (GatewayBoard board : boards()) {
      assertThat(board.rows())
          .extracting(GatewayOverview::profile)
          .containsExactly("default", "alpha", "zeta");
      assertThat(board.rows().get(0).actual()).isEqualTo(ActualState.READY);
    }
  }

  @Test
  void aGatewayWhoseStatusFailsIsAnUnknownRowAndTheOthersStillShow() {
    manager.broken("alpha");

    for (GatewayBoard board : boards()) {
      List<GatewayOverview> rows = board.rows();
      assertThat(rows.get(1).actual()).isEqualTo(ActualState.UNKNOWN);
      assertThat(rows.get(1).reason())
          .isEqualTo("status unavailable: s6-svstat failed for gateway-alpha");
      assertThat(rows.get(0).actual()).isEqualTo(ActualState.READY);
      assertThat(rows.get(2).actual()).isEqualTo(ActualState.DOWN);
      assertThat(rows.get(2).port()).isEqualTo(40101);
    }
  }

  @Test
  void anActionGoesThroughTheSupervisorAndRecordsTheWish() {
    manager.acceptLifecycle();
    GatewayBoard board = boards().get(1);

    GatewayOutcome outcome = board.apply(GatewayAction.START, "alpha", Actor.CLI, "");

    assertThat(outcome.ok()).isTrue();
    assertThat(manager.actions()).containsExactly("start alpha");
    assertThat(home.profile("alpha").state().text("desired_state")).contains("running");
    assertThat(board.rows().get(1).actual()).isEqualTo(ActualState.READY);
  }

  @Test
  void eachGatewaysLogIsTheCurrentFileOfItsLogDirectory() {
    assertThat(boards().get(0).logFile("alpha"))
        .isEqualTo(root.resolve("logs/gateways/alpha/current"));
  }

  @Test
  void anActionIsOneAuditLineNamingWhoTookItAndWhy() {
    manager.acceptLifecycle();
    GatewayBoard board = boards().get(1);

    board.apply(GatewayAction.STOP, "alpha", Actor.dashboard("ops"), "requested from 10.0.0.2");

    assertThat(AuditLog.of(home, warnings::add).read())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.profile()).isEqualTo("alpha");
              assertThat(e.action()).isEqualTo(AuditAction.STOP);
              assertThat(e.actor()).isEqualTo(Actor.dashboard("ops"));
              assertThat(e.reason()).isEqualTo("requested from 10.0.0.2");
              assertThat(e.result()).isEqualTo("ok");
            });
    assertThat(warnings).isEmpty();
  }

  @Test
  void aRefusedActionIsRecordedAsFailedAndStillFails() {
    manager.acceptLifecycle("alpha");
    GatewayBoard board = boards().get(0);

    assertThatThrownBy(() -> board.apply(GatewayAction.RESTART, "alpha", Actor.TERMINAL_VIEW, ""))
        .hasMessage("the supervisor refused to restart gateway-alpha");

    assertThat(AuditLog.of(home, warnings::add).read())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo(Actor.TERMINAL_VIEW);
              assertThat(e.result())
                  .isEqualTo("failed: the supervisor refused to restart gateway-alpha");
            });
  }

  @Test
  void aStartOfAHeldGatewayRecordsTheReleaseBeforeTheStart() {
    manager.acceptLifecycle().heldDown("alpha", "crash loop (5 exits in 41s, last: exit 1)");

    boards().get(0).apply(GatewayAction.START, "alpha", Actor.CLI, "hermes gateway start");

    assertThat(AuditLog.of(home, warnings::add).read("alpha"))
        .extracting(AuditEvent::action, AuditEvent::reason)
        .containsExactly(
            tuple(AuditAction.RELEASE, "crash loop (5 exits in 41s, last: exit 1)"),
            tuple(AuditAction.START, "hermes gateway start"));
  }

  @Test
  void anAuditTrailThatCannotBeWrittenNeverFailsTheAction() throws IOException {
    manager.acceptLifecycle();
    // A directory where the file should be: every append fails.
    Files.createDirectories(home.logsDir().resolve(AuditLog.FILE_NAME));

    GatewayOutcome outcome = boards().get(0).apply(GatewayAction.START, "alpha", Actor.CLI, "");

    assertThat(outcome.ok()).isTrue();
    assertThat(warnings).singleElement().asString().contains("could not write the audit trail");
  }
}

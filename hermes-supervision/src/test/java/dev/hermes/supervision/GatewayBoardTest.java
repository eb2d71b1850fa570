package dev.hermes.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.HermesHome;
import dev.hermes.core.ProfileHooks;
import dev.hermes.core.ProfileStore;
import dev.hermes.core.state.ActualState;
import dev.hermes.supervision.testing.FakeServiceManager;
import java.nio.file.Path;
import java.time.Clock;
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

  @BeforeEach
  void profiles() {
    home = new HermesHome(root);
    ProfileStore store = new ProfileStore(home, ProfileHooks.NONE);
    store.ensureDefault();
    store.create("zeta", Optional.empty(), OptionalInt.of(40101));
    store.create("alpha", Optional.empty(), OptionalInt.of(40102));
  }

  private List<GatewayBoard> boards() {
    GatewayControl control = new GatewayControl(manager, home, Clock.systemUTC());
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

    GatewayOutcome outcome = board.apply(GatewayAction.START, "alpha");

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
}

package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.HermesHome;
import dev.hermes.supervision.reconcile.ReconcileAction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpGatewayLinesTest {
  @TempDir Path root;

  @Test
  void upToTwentyProfilesEachHasItsLine() {
    List<ReconcileAction> actions = actions(15, 5);
    String text = print(actions);
    assertThat(text.lines()).hasSize(20).allMatch(line -> line.startsWith("  gateway      p"));
    assertThat(text)
        .contains("  gateway      p0  (no gateway.port)  starting\n")
        .contains("  gateway      p19  (no gateway.port)  down\n");
  }

  @Test
  void aboveTwentyProfilesOneSummaryLine() {
    assertThat(print(actions(180, 20)))
        .isEqualTo(
            "  gateways     started 180 gateways, 20 stopped (hermes gateway status --all)\n");
    assertThat(print(actions(1, 20)))
        .isEqualTo("  gateways     started 1 gateway, 20 stopped (hermes gateway status --all)\n");
  }

  @Test
  void aboveTwentyProfilesTheReconcilerKeepsOnlyItsWarnings() {
    StringWriter reconciled = new StringWriter();
    PrintWriter lines = new PrintWriter(reconciled);
    List<ReconcileAction> actions = actions(21, 0);
    lines.println("reconcile: seeded gateway_state=running for the default profile (first boot)");
    lines.println("reconcile: warning: skipping profiles/Bad: not a valid profile name");
    actions.forEach(action -> lines.println("reconcile: " + action.describe()));
    lines.flush();

    StringWriter out = new StringWriter();
    UpGatewayLines.copyReconcileLines(reconciled, actions, new PrintWriter(out));
    assertThat(out.toString())
        .isEqualTo(
            "reconcile: seeded gateway_state=running for the default profile (first boot)\n"
                + "reconcile: warning: skipping profiles/Bad: not a valid profile name\n");

    StringWriter few = new StringWriter();
    UpGatewayLines.copyReconcileLines(reconciled, actions.subList(0, 20), new PrintWriter(few));
    assertThat(few.toString()).isEqualTo(reconciled.toString());

    StringWriter failed = new StringWriter();
    UpGatewayLines.copyReconcileLines(reconciled, null, new PrintWriter(failed));
    assertThat(failed.toString())
        .as("a failed reconciliation shows all")
        .isEqualTo(reconciled.toString());
  }

  private String print(List<ReconcileAction> actions) {
    StringWriter out = new StringWriter();
    PrintWriter writer = new PrintWriter(out);
    UpGatewayLines.print(new HermesHome(root), actions, writer);
    writer.flush();
    return out.toString();
  }

  private static List<ReconcileAction> actions(int started, int stopped) {
    List<ReconcileAction> actions = new ArrayList<>();
    for (int i = 0; i < started + stopped; i++) {
      actions.add(
          new ReconcileAction(
              "p" + i, i < started ? "running" : null, i < started ? "started" : "registered"));
    }
    return actions;
  }
}

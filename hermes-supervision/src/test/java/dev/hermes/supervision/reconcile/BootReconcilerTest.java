package dev.hermes.supervision.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hermes.core.HermesHome;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditAction;
import dev.hermes.core.audit.AuditEvent;
import dev.hermes.core.audit.AuditLog;
import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.s6.CrashLoopSettings;
import dev.hermes.supervision.s6.S6ServiceManager;
import dev.hermes.supervision.s6.S6Tools;
import dev.hermes.supervision.s6.SlotSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootReconcilerTest {
  @TempDir Path tmp;
  HermesHome home;
  Path scandir;
  S6ServiceManager s6;
  List<String> commands = new ArrayList<>();
  StringWriter out = new StringWriter();
  Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  @BeforeEach
  void setUp() throws IOException {
    home = new HermesHome(Files.createDirectories(tmp.resolve("data")));
    scandir = tmp.resolve("scandir");
    s6 =
        new S6ServiceManager(
            scandir,
            new S6Tools(Path.of("/command")),
            () ->
                new SlotSpec(
                    List.of("/opt/hermes/bin/hermes"),
                    home.root(),
                    "/home/op",
                    new TreeMap<>(),
                    new S6Tools(Path.of("/command")),
                    CrashLoopSettings.DEFAULT),
            (c, t) -> {
              commands.add(String.join(" ", c));
              // s6-svstat -o up: every gateway is already down (no scanner runs here).
              return new CommandResult(0, c.get(0).endsWith("s6-svstat") ? "false\n" : "", "");
            },
            "s6 (test)");
  }

  void profile(String name, String stateJson) throws IOException {
    Path dir = Files.createDirectories(home.profilesDir().resolve(name));
    Files.writeString(dir.resolve("SOUL.md"), "soul");
    if (stateJson != null) {
      Files.writeString(dir.resolve("gateway_state.json"), stateJson);
    }
  }

  List<ReconcileAction> reconcile(String bootstrap, boolean dryRun) {
    return new BootReconciler(home, s6, clock, new PrintWriter(out))
        .reconcile(bootstrap, false, dryRun);
  }

  @Test
  void defaultFirstThenProfilesByNameAndOnlyRunningStarts() throws IOException {
    Files.writeString(home.root().resolve("gateway_state.json"), "{\"gateway_state\":\"running\"}");
    profile("zeta", "{\"gateway_state\":\"running\",\"desired_state\":\"stopped\"}");
    profile("alpha", "{\"gateway_state\":\"stopped\",\"desired_state\":\"running\"}");
    profile("beta", "{\"gateway_state\":\"startup_failed\"}");
    profile("gamma", "{\"gateway_state\":\"starting\"}");
    profile("delta", "{not json");
    profile("eps", null);

    List<ReconcileAction> actions = reconcile(null, false);

    assertThat(actions)
        .extracting(ReconcileAction::describe)
        .containsExactly(
            "profile=default prior_state=running action=started",
            "profile=alpha prior_state=running action=started",
            "profile=beta prior_state=startup_failed action=registered",
            "profile=delta prior_state=none action=registered",
            "profile=eps prior_state=none action=registered",
            "profile=gamma prior_state=starting action=registered",
            "profile=zeta prior_state=stopped action=registered");
    assertThat(scandir.resolve("gateway-default/down")).doesNotExist();
    assertThat(scandir.resolve("gateway-alpha/down")).doesNotExist();
    for (String down : List.of("beta", "delta", "eps", "gamma", "zeta")) {
      assertThat(scandir.resolve("gateway-" + down + "/down")).as(down).exists();
    }
    assertThat(commands).as("no rescan before the scanner starts").isEmpty();
    assertThat(out.toString())
        .contains("reconcile: profile=alpha prior_state=running action=started\n");
  }

  @Test
  void eachProfileIsOneReconcileLineOfTheAuditTrailByTheBootActor() throws IOException {
    profile("alpha", "{\"desired_state\":\"running\"}");
    profile("beta", null);

    reconcile(null, false);
    reconcile(null, true);

    assertThat(AuditLog.of(home, w -> {}).read())
        .extracting(AuditEvent::profile, AuditEvent::action, AuditEvent::actor, AuditEvent::result)
        .containsExactly(
            tuple("default", AuditAction.RECONCILE, Actor.BOOT, "registered"),
            tuple("alpha", AuditAction.RECONCILE, Actor.BOOT, "started"),
            tuple("beta", AuditAction.RECONCILE, Actor.BOOT, "registered"));
    assertThat(AuditLog.of(home, w -> {}).read("alpha").get(0).reason())
        .isEqualTo("prior_state=running");
  }

  @Test
  void aLinkedStateFileRegistersThatGatewayDownAndTheOthersAsUsual() throws IOException {
    Path planted =
        Files.writeString(tmp.resolve("root-only.json"), "{\"desired_state\":\"running\"}");
    profile("alpha", null);
    Files.createSymbolicLink(home.profilesDir().resolve("alpha/gateway_state.json"), planted);
    profile("beta", "{\"gateway_state\":\"running\"}");

    List<ReconcileAction> actions = reconcile(null, false);

    assertThat(actions)
        .extracting(ReconcileAction::describe)
        .containsExactly(
            "profile=default prior_state=none action=registered",
            "profile=alpha prior_state=none action=registered",
            "profile=beta prior_state=running action=started");
    assertThat(out.toString())
        .contains("reconcile: warning: alpha: ")
        .contains("gateway_state.json is a symbolic link; hermes does not follow links");
  }

  @Test
  void theBootLogIsNeverAppendedThroughALink() throws IOException {
    Path target = Files.writeString(tmp.resolve("root-only.log"), "untouched\n");
    Files.createDirectories(home.logsDir());
    Files.createSymbolicLink(home.logsDir().resolve("container-boot.log"), target);

    try {
      reconcile(null, false);
    } catch (java.io.UncheckedIOException expected) {
      // Refusing to write is the point; the target must be as it was.
    }

    assertThat(Files.readString(target)).isEqualTo("untouched\n");
  }

  @Test
  void appendsOneBootLogLinePerProfile() throws IOException {
    profile("coder", null);
    reconcile(null, false);
    reconcile(null, false);
    assertThat(Files.readAllLines(home.logsDir().resolve("container-boot.log")))
        .containsExactly(
            "2026-11-23T10:00:00Z profile=default prior_state=none action=registered",
            "2026-11-23T10:00:00Z profile=coder prior_state=none action=registered",
            "2026-11-23T10:00:00Z profile=default prior_state=none action=registered",
            "2026-11-23T10:00:00Z profile=coder prior_state=none action=registered");
  }

  @Test
  void theBootLogRotatesAt256KiB() throws IOException {
    Path log = Files.createDirectories(home.logsDir()).resolve("container-boot.log");
    Files.writeString(log, "x".repeat(256 * 1024));
    Files.writeString(log.resolveSibling("container-boot.log.1"), "older");
    reconcile(null, false);
    assertThat(Files.size(log.resolveSibling("container-boot.log.1"))).isEqualTo(256 * 1024);
    assertThat(Files.readAllLines(log)).hasSize(1);
  }

  @Test
  void stalePidAndProcessFilesAreRemoved() throws IOException {
    profile("coder", null);
    Files.writeString(home.profilesDir().resolve("coder/gateway.pid"), "12345\n");
    Files.writeString(home.profilesDir().resolve("coder/processes.json"), "[]");
    Files.writeString(home.root().resolve("gateway.pid"), "1\n");
    reconcile(null, false);
    assertThat(home.profilesDir().resolve("coder/gateway.pid")).doesNotExist();
    assertThat(home.profilesDir().resolve("coder/processes.json")).doesNotExist();
    assertThat(home.root().resolve("gateway.pid")).doesNotExist();
  }

  @Test
  void invalidNamesAndProfilesDefaultAreSkippedWithAWarning() throws IOException {
    profile("Bad Name", null);
    profile("default", null);
    profile("ok", null);
    List<ReconcileAction> actions = reconcile(null, false);
    assertThat(actions).extracting(ReconcileAction::profile).containsExactly("default", "ok");
    assertThat(out.toString())
        .contains("reconcile: warning: skipping profiles/Bad Name: not a valid profile name")
        .contains("reconcile: warning: skipping profiles/default");
  }

  @Test
  void bootstrapRunningSeedsTheDefaultStateOnFirstBootOnly() throws IOException {
    List<ReconcileAction> first = reconcile("running", false);
    assertThat(first.get(0).action()).isEqualTo("started");
    assertThat(home.profile("default").state().read())
        .containsEntry("gateway_state", "running")
        .containsEntry("desired_state", "running");

    // A clean stop records gateway_state: stopped; the operator's wish still stands.
    home.profile("default").state().merge(java.util.Map.of("gateway_state", "stopped"));
    assertThat(reconcile("running", false).get(0).action()).isEqualTo("started");

    home.profile("default").state().merge(java.util.Map.of("desired_state", "stopped"));
    List<ReconcileAction> second = reconcile("running", false);
    assertThat(second.get(0).action()).as("ignored once a state exists").isEqualTo("registered");
  }

  @Test
  void otherBootstrapValuesAreIgnored() {
    reconcile("stopped", false);
    reconcile("RUNNING", false);
    assertThat(home.root().resolve("gateway_state.json")).doesNotExist();
  }

  @Test
  void theBootstrapSeedIsNotWrittenThroughASymlink() throws IOException {
    Path elsewhere = tmp.resolve("elsewhere.json");
    Files.createSymbolicLink(home.root().resolve("gateway_state.json"), elsewhere);
    reconcile("running", false);
    assertThat(elsewhere).doesNotExist();
    assertThat(Files.isSymbolicLink(home.root().resolve("gateway_state.json"))).isTrue();
  }

  @Test
  void slotsOfVanishedProfilesArePruned() throws IOException {
    profile("gone", null);
    reconcile(null, false);
    assertThat(scandir.resolve("gateway-gone")).exists();
    Files.delete(home.profilesDir().resolve("gone/SOUL.md"));
    reconcile(null, false);
    assertThat(scandir.resolve("gateway-gone")).doesNotExist();
  }

  @Test
  void aDryRunChangesNothing() throws IOException {
    profile("coder", "{\"desired_state\":\"running\"}");
    Files.writeString(home.profilesDir().resolve("coder/gateway.pid"), "1\n");
    List<ReconcileAction> actions = reconcile("running", true);
    assertThat(actions)
        .extracting(ReconcileAction::action)
        .containsExactly("registered", "started");
    assertThat(scandir).doesNotExist();
    assertThat(home.logsDir()).doesNotExist();
    assertThat(home.profilesDir().resolve("coder/gateway.pid")).exists();
    assertThat(out.toString()).contains("reconcile: (dry run) profile=coder");
  }
}

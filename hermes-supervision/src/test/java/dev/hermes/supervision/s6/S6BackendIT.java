package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hermes.core.HermesHome;
import dev.hermes.core.state.DeathCause;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.SupervisionException;
import dev.hermes.testing.Required;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The s6 backend against Debian's real s6: an s6-svscan per test, a tiny readiness service. */
class S6BackendIT {
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path tmp;
  HermesHome home;
  S6Scanner scanner;
  S6ServiceManager s6;
  CrashLoopSettings policy = new CrashLoopSettings(3, 1, 1, 60, 0);

  @BeforeEach
  void startScanner() throws IOException {
    Required.engine(S6Scanner.available(), "no s6 in " + S6Scanner.BIN);
    home = new HermesHome(Files.createDirectories(tmp.resolve("home")));
    Path fake = TestGateway.write(tmp);
    scanner = S6Scanner.start(tmp.resolve("scandir"), tmp.resolve("svscan.log"), home.root());
    s6 = manager(scanner.scandir, fake);
  }

  S6ServiceManager manager(Path scandir, Path fake) {
    return SlotFixtures.realManager(scandir, fake, home.root(), tmp, policy);
  }

  @AfterEach
  void stopScanner() {
    if (scanner != null) {
      scanner.close();
    }
  }

  GatewayStatus awaitStatus(String profile, java.util.function.Predicate<GatewayStatus> condition) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(25))
        .until(() -> s6.status(profile), condition);
  }

  @Test
  void theWholeLifecycleOfOneGateway() throws IOException {
    s6.register("coder", false);
    GatewayStatus registered = awaitStatus("coder", s -> s.sinceSeconds() >= 0 && !s.up());
    assertThat(registered.actual().word()).isEqualTo("down");
    assertThat(registered.normallyUp()).isFalse();

    s6.start("coder");
    GatewayStatus up = awaitStatus("coder", s -> s.up() && s.ready());
    assertThat(up.pid()).isPositive();
    assertThat(ProcessHandle.of(up.pid())).isPresent();

    s6.restart("coder");
    GatewayStatus again = awaitStatus("coder", s -> s.ready() && s.pid() != up.pid());
    assertThat(again.pid()).isNotEqualTo(up.pid());

    s6.stop("coder");
    GatewayStatus down = awaitStatus("coder", s -> !s.up() && s.death() != null);
    assertThat(down.wantUp()).isFalse();
    assertThat(down.restarts()).as("operator stops are not crashes").isZero();
    assertThat(down.death().cause()).isEqualTo(DeathCause.CLEAN_STOP);
    assertThat(down.lastEnd()).isEqualTo("signal SIGTERM");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(home.root().resolve("logs/gateways/coder/current"))
                    .content()
                    .contains("test gateway coder pid " + up.pid()));

    s6.unregister("coder");
    assertThat(scanner.scandir.resolve("gateway-coder")).doesNotExist();
    assertThat(s6.list()).isEmpty();
    assertThat(s6.status("coder").registered()).isFalse();
    s6.unregister("coder"); // idempotent
  }

  @Test
  void theSupervisorsAreTheS6UnderTest() {
    // The tier runs on two s6 versions: a scanner that spawned another s6's s6-supervise would
    // prove nothing about the one named by HERMES_S6_BIN_DIR.
    s6.register("coder", false);
    awaitStatus("coder", s -> s.sinceSeconds() >= 0);
    List<String> supervisors =
        ProcessHandle.of(scanner.pid())
            .orElseThrow()
            .children()
            .map(p -> p.info().command().orElse("?"))
            .toList();
    assertThat(supervisors)
        .isNotEmpty()
        .allMatch(c -> c.equals(S6Scanner.BIN.resolve("s6-supervise").toString()));
  }

  @Test
  void registeringToStartComesUpWithoutAStartCommand() {
    s6.register("default", true);
    assertThat(awaitStatus("default", s -> s.ready()).normallyUp()).isTrue();
  }

  @Test
  void aKilledReadyGatewayIsBackAndReady() {
    s6.register("coder", true);
    GatewayStatus first = awaitStatus("coder", GatewayStatus::ready);
    ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
    GatewayStatus second = awaitStatus("coder", s -> s.ready() && s.pid() != first.pid());
    assertThat(second.restarts()).isEqualTo(1);
    assertThat(second.death().cause())
        .as("kept while the next run is up")
        .isEqualTo(DeathCause.SIGNAL);
    assertThat(second.death().detail()).isEqualTo("signal SIGKILL");
  }

  @Test
  void aCrashingGatewayIsBackedOffThenHeldDownWithTheReason() throws IOException {
    Files.writeString(home.root().resolve("behaviour-coder"), "crash");
    Files.createDirectories(home.profile("coder").dir());
    s6.register("coder", true);

    GatewayStatus held = awaitStatus("coder", s -> s.failure() != null && !s.wantUp() && !s.up());

    assertThat(held.failure()).matches("crash loop \\(3 exits in \\d+s, last: exit 3\\)");
    assertThat(held.actual().word()).isEqualTo("crash-loop");
    assertThat(held.restarts()).isEqualTo(3);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(home.profile("coder").state().read())
                    .containsEntry("gateway_state", "startup_failed")
                    .containsEntry("exit_reason", held.failure()));

    Files.writeString(home.root().resolve("behaviour-coder"), "serve");
    s6.start("coder");
    GatewayStatus recovered = awaitStatus("coder", GatewayStatus::ready);
    assertThat(recovered.failure()).isNull();
  }

  @Test
  void anOperatorStopThatHadToKillIsNotACrash() throws IOException {
    Files.writeString(home.root().resolve("behaviour-coder"), "stubborn");
    s6.register("coder", true);
    awaitStatus("coder", GatewayStatus::ready);

    s6.stop("coder");

    // s6 sends SIGKILL after timeout-kill (10 s) to a gateway that ignores SIGTERM.
    GatewayStatus down =
        awaitStatus("coder", s -> !s.up() && "SIGKILL".equals(s.signal()) && s.death() != null);
    assertThat(down.wantUp()).isFalse();
    assertThat(down.restarts()).isZero();
    assertThat(down.failure()).isNull();
    assertThat(down.death().cause()).isEqualTo(DeathCause.STOP_TIMEOUT);
    assertThat(down.lastEnd()).isEqualTo("signal SIGKILL (stop-timeout)");
  }

  @Test
  void theOomKillersSigkillIsToldFromAnyOther() throws Exception {
    try (MemoryCgroup cgroup = MemoryCgroup.create(96L << 20)) {
      scanner.close();
      scanner =
          S6Scanner.start(
              tmp.resolve("oom-scandir"),
              tmp.resolve("oom-svscan.log"),
              home.root(),
              cgroup.procs());
      s6 = manager(scanner.scandir, TestGateway.write(tmp));
      Files.writeString(home.root().resolve("behaviour-coder"), "hog");
      s6.register("coder", true);

      GatewayStatus killed = awaitStatus("coder", s -> s.death() != null);

      assertThat(killed.death().cause()).isEqualTo(DeathCause.OOM_KILL);
      assertThat(killed.death().detail()).isEqualTo("signal SIGKILL");
      s6.stop("coder");
      scanner.close();
      scanner = null;
    }
  }

  @Test
  void aRestartIsNotACrashEvenWhenTheGatewayExitsBadlyOnTheWay() throws IOException {
    Files.writeString(home.root().resolve("behaviour-coder"), "fails-on-term");
    s6.register("coder", true);
    GatewayStatus first = awaitStatus("coder", GatewayStatus::ready);

    s6.restart("coder");

    GatewayStatus again = awaitStatus("coder", s -> s.ready() && s.pid() != first.pid());
    assertThat(again.restarts()).isZero();
    assertThat(scanner.scandir.resolve("gateway-coder/hermes-rearm")).doesNotExist();
  }

  @Test
  void fatalConfigurationStaysDown() throws IOException {
    Files.writeString(home.root().resolve("behaviour-coder"), "fatal");
    Files.createDirectories(home.profile("coder").dir());
    s6.register("coder", true);

    GatewayStatus held =
        awaitStatus("coder", s -> "fatal configuration".equals(s.failure()) && !s.wantUp());

    assertThat(held.up()).isFalse();
    assertThat(held.wantUp()).isFalse();
    assertThat(held.exitCode()).isEqualTo(78);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(home.profile("coder").state().read())
                    .containsEntry("exit_reason", "fatal configuration"));
  }

  @Test
  void aRescanFailureRollsTheSlotBack() throws IOException {
    S6ServiceManager orphan =
        manager(Files.createDirectories(tmp.resolve("no-scanner")), tmp.resolve("fake-hermes"));
    assertThatThrownBy(() -> orphan.register("coder", false))
        .isInstanceOf(SupervisionException.class)
        .hasMessageStartingWith(
            "s6-svscanctl -a on '" + tmp.resolve("no-scanner") + "' failed (rc=");
    try (var entries = Files.list(tmp.resolve("no-scanner"))) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void sixHundredSlotsAreRegisteredAndListed() {
    List<String> names = IntStream.range(0, 600).mapToObj(i -> String.format("p%03d", i)).toList();
    names.forEach(n -> s6.register(n, false));

    assertThat(s6.list()).containsExactlyElementsOf(names);
    GatewayStatus last = awaitStatus("p599", s -> s.sinceSeconds() >= 0);
    assertThat(last.registered()).isTrue();
    assertThat(last.up()).isFalse();
  }

  @Test
  void statusAllAgreesWithStatusOneByOne() {
    s6.register("up", true);
    s6.register("down", false);
    awaitStatus("up", GatewayStatus::ready);

    List<GatewayStatus> all = s6.statusAll(List.of("up", "ghost", "down"));

    List<GatewayStatus> one = List.of(s6.status("up"), s6.status("ghost"), s6.status("down"));
    for (int i = 0; i < 3; i++) {
      assertThat(all.get(i))
          .usingRecursiveComparison()
          .ignoringFields("sinceSeconds")
          .isEqualTo(one.get(i));
    }
    assertThat(all.get(0).ready()).isTrue();
  }
}

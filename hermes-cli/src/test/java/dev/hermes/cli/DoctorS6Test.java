package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.s6.S6ServiceManager;
import dev.hermes.supervision.s6.S6Tools;
import dev.hermes.supervision.s6.SvstatParser;
import dev.hermes.supervision.testing.FakeServiceManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor against a real {@link S6ServiceManager} whose s6 programs are answered by the test:
 * the dashboard's slot under hermes up and in the container, and the version of s6.
 */
class DoctorS6Test {
  private static final String READY = "true true true true 4242 -1 NA 30";
  private static final String DENIED =
      "s6-svstat: fatal: unable to read status for /run/service/dashboard: Permission denied";

  @TempDir Path dir;
  Path home;
  Path fsRoot;
  Path bin;
  Path scandir;
  Path slot;
  final List<List<String>> commands = new ArrayList<>();
  CommandResult svstat = new CommandResult(0, READY + "\n", "");

  @BeforeEach
  void setUp() throws IOException {
    home = Files.createDirectories(dir.resolve("home"));
    fsRoot = Files.createDirectories(dir.resolve("root"));
    Files.writeString(
        home.resolve("config.yaml"), "gateway:\n  port: 9001\n" + DoctorCommandTest.MODEL);
    bin = s6Install("2.15.0.0");
    scandir = Files.createDirectories(home.resolve("run/service"));
    slot = Files.createDirectories(scandir.resolve("dashboard"));
  }

  // --- the dashboard under hermes up ---

  @Test
  void aDashboardThatIsUpAndReadyIsOk() {
    CliRun r = doctor(local());

    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out()).contains("  ✓ Dashboard slot: " + slot + " up and ready\n");
    assertThat(commands)
        .contains(
            List.of(
                bin.resolve("s6-svstat").toString(), "-o", SvstatParser.FIELDS, slot.toString()));
  }

  @Test
  void aDashboardStillStartingWarns() {
    svstat = new CommandResult(0, "true true true false 4242 -1 NA 1\n", "");

    CliRun r = doctor(local());

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("  ⚠ Dashboard slot: " + slot + " up, not ready yet (starting)\n");
  }

  @Test
  void aDashboardThatS6IsRestartingWarnsWithItsLastExitAndLog() {
    svstat = new CommandResult(0, "false true true false -1 1 NA 0\n", "");

    CliRun r = doctor(local());

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "  ⚠ Dashboard slot: "
                + slot
                + " down, s6 is restarting it (last: exit 1; see "
                + home.resolve("logs/dashboard/current")
                + ")\n");

    svstat = new CommandResult(0, "false true true false -1 -1 SIGKILL 0\n", "");
    assertThat(doctor(local()).out()).contains(" down, s6 is restarting it (last: SIGKILL; see ");
  }

  @Test
  void aDashboardDownThatS6WillNotRestartFails() {
    svstat = new CommandResult(0, "false false true false -1 0 NA 12\n", "");

    CliRun r = doctor(local());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out())
        .contains(
            "  ✗ Dashboard slot: "
                + slot
                + " down and not restarted by s6 (hermes dashboard start)\n");
    assertThat(doctor(local(), "--health").code()).as("not against health").isZero();
  }

  @Test
  void aHeldDashboardFailsWithItsReasonAndIsNotAskedAbout() throws IOException {
    Files.writeString(slot.resolve("hermes-failure"), "port 9119 on 127.0.0.1 is in use\n");

    CliRun r = doctor(local());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out())
        .contains(
            "  ✗ Dashboard: held down: port 9119 on 127.0.0.1 is in use (once that is fixed:"
                + " hermes dashboard start)\n");
    assertThat(commands).noneMatch(c -> c.get(0).endsWith("s6-svstat"));
  }

  @Test
  void aDisabledDashboardIsOkAndNotAskedAbout() throws IOException {
    Files.writeString(slot.resolve("down"), "");

    CliRun r = doctor(local());

    assertThat(r.out())
        .contains("  ✓ Dashboard slot: " + slot + " present (disabled by HERMES_DASHBOARD)\n");
    assertThat(commands).noneMatch(c -> c.get(0).endsWith("s6-svstat"));
  }

  @Test
  void aDashboardSlotS6DoesNotSuperviseOrWhoseStatusFailsWarns() {
    svstat =
        new CommandResult(
            1, "", "s6-svstat: fatal: unable to read status for x: s6-supervise not running\n");
    assertThat(doctor(local()).out())
        .contains(
            "  ⚠ Dashboard slot: "
                + slot
                + " not supervised (s6-svscan has not picked it up yet)\n");

    svstat = new CommandResult(111, "", DENIED + "\n");
    assertThat(doctor(local()).out())
        .contains("  ⚠ Dashboard slot: " + slot + " status unavailable: " + DENIED + "\n");
  }

  // --- the dashboard in the container ---

  @Test
  void anEnabledContainerDashboardThatIsUpIsOkOnItsPort() throws IOException {
    containerSlots();

    CliRun r = doctor(Map.of("HERMES_DASHBOARD", "yes"), container());

    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out()).contains("  ✓ Dashboard: up and ready on port 9119\n");
    assertThat(commands)
        .contains(
            List.of(
                bin.resolve("s6-svstat").toString(),
                "-o",
                SvstatParser.FIELDS,
                fsRoot.resolve("run/service/dashboard").toString()));
  }

  @Test
  void aContainerDashboardThatRefusesItsConfigurationFailsAndOneRestartingWarns()
      throws IOException {
    containerSlots();
    svstat = new CommandResult(0, "false true true false -1 78 NA 0\n", "");

    CliRun refused = doctor(Map.of("HERMES_DASHBOARD", "1"), container());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.out())
        .contains(
            "  ✗ Dashboard: refuses its configuration (exit 78) and s6 restarts it only to refuse"
                + " again (see docker logs)\n");

    svstat = new CommandResult(0, "throttled true true false -1 1 NA 0\n", "");
    CliRun restarting = doctor(Map.of("HERMES_DASHBOARD", "1"), container());
    assertThat(restarting.code()).isZero();
    assertThat(restarting.out())
        .contains("  ⚠ Dashboard: down, s6 is restarting it (last: exit 1; see docker logs)\n");
  }

  @Test
  void whereRootsStatusIsUnreadableAListenerOnTheDashboardsPortStandsInForIt() throws IOException {
    containerSlots();
    svstat = new CommandResult(111, "", DENIED + "\n");
    Path tcp = Files.createDirectories(fsRoot.resolve("proc/net"));
    String header =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid\n";
    Files.writeString(
        tcp.resolve("tcp"),
        header
            + "   0: 00000000:23A7 00000000:0000 06 00000000:00000000 00:00000000 00000000  999\n"
            + "   1: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  999\n");

    CliRun none = doctor(Map.of("HERMES_DASHBOARD", "1"), container());
    assertThat(none.code()).isZero();
    assertThat(none.out())
        .contains(
            "  ⚠ Dashboard: enabled by HERMES_DASHBOARD but nothing listens on port 9119"
                + " (starting, or failing: see docker logs)\n");

    Files.writeString(
        tcp.resolve("tcp6"),
        header
            + "   0: 00000000000000000000000000000000:251C 00000000000000000000000000000000:0000"
            + " 0A 00000000:00000000 00:00000000 00000000  999\n");
    CliRun moved =
        doctor(Map.of("HERMES_DASHBOARD", "1", "HERMES_DASHBOARD_PORT", "9500"), container());
    assertThat(moved.out()).contains("  ✓ Dashboard: listening on port 9500\n");
  }

  // --- the version of s6 ---

  @Test
  void aSupportedS6IsOkAndSaysItsVersion() {
    CliRun r = doctor(local());

    assertThat(r.out()).contains("  ✓ s6: 2.15.0.0 in " + bin + " (supported: 2.11 to 2.15)\n");
  }

  @Test
  void anS6OlderThanTwoElevenFails() throws IOException {
    bin = s6Install("2.10.0.3");

    CliRun r = doctor(local());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out())
        .contains(
            "  ✗ s6: 2.10.0.3 in "
                + bin
                + " is older than 2.11, the oldest hermes supports (2.11 to 2.15)\n");
  }

  @Test
  void anS6NewerThanTwoFifteenWarns() throws IOException {
    bin = s6Install("2.16.1.0");

    CliRun r = doctor(local());

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "  ⚠ s6: 2.16.1.0 in "
                + bin
                + " is newer than 2.15, the newest hermes is tested with (2.11 to 2.15)\n");
    assertThat(doctor(local(), "--strict").code()).isEqualTo(1);
  }

  @Test
  void underAnotherManagerTheS6ForHermesUpIsReportedWhenInstalled() {
    FakeServiceManager systemd =
        new FakeServiceManager(ServiceManagerKind.SYSTEMD, "systemd (user)");

    CliRun r = doctor(Map.of("HERMES_S6_BIN_DIR", bin.toString()), systemd);
    assertThat(r.out())
        .contains("  ✓ s6 (for hermes up): 2.15.0.0 in " + bin + " (supported: 2.11 to 2.15)\n");

    CliRun without = doctor(Map.of("HERMES_S6_BIN_DIR", dir.resolve("none").toString()), systemd);
    assertThat(without.out()).doesNotContain("s6 (for hermes up)").doesNotContain("s6:");
  }

  @Test
  void anUnknownVersionWarnsWithWhatTheOptionDialectTells() throws IOException {
    Path plain = Files.createDirectories(dir.resolve("plain/bin"));
    svscan(plain, "[ \"$1\" = -C ] && exit 100\nexit 111\n");
    bin = plain;
    assertThat(doctor(local()).out())
        .contains(
            "  ⚠ s6: version unknown for "
                + plain.resolve("s6-svscan")
                + " (it has no -C: 2.11 or older; hermes supports 2.11 to 2.15)\n");

    svscan(plain, "exit 111\n");
    assertThat(doctor(local()).out())
        .contains(" (it takes -C: 2.12 or later; hermes supports 2.11 to 2.15)\n");
  }

  @Test
  void anS6ManagerWithoutItsProgramsWarns() {
    bin = dir.resolve("gone");

    assertThat(doctor(local()).out())
        .contains("  ⚠ s6: " + bin.resolve("s6-svscan") + " missing\n");
  }

  @Test
  void jsonCarriesTheDashboardAndS6Checks() throws IOException {
    containerSlots();

    CliRun r = doctor(Map.of("HERMES_DASHBOARD", "1"), container(), "--json");

    JsonNode checks = new ObjectMapper().readTree(r.out()).get("checks");
    List<String> rows = new ArrayList<>();
    checks.forEach(
        c ->
            rows.add(
                c.get("name").asText()
                    + " "
                    + c.get("status").asText()
                    + " "
                    + c.get("message").asText()));
    assertThat(rows)
        .contains(
            "s6 ok s6: 2.15.0.0 in " + bin + " (supported: 2.11 to 2.15)",
            "dashboard-slot ok Dashboard: up and ready on port 9119",
            "model ok Model: configured in all 1 profile(s) (1 without MODEL_API_KEY: sent without"
                + " a key)");
    assertThat(rows).anyMatch(row -> row.startsWith("logs-space ok Log space: "));
  }

  // ---

  private S6ServiceManager local() {
    return manager(scandir, "s6 (hermes up, " + scandir + ")");
  }

  /** The container's: its gateway scanner runs (s6-svscanctl -z answers on its control FIFO). */
  private S6ServiceManager container() {
    Path gateways = dir.resolve("run-hermes-service");
    try {
      Files.createDirectories(gateways.resolve(".s6-svscan"));
      Files.writeString(gateways.resolve(".s6-svscan/control"), "");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return manager(gateways, "s6 (container supervisor)");
  }

  private S6ServiceManager manager(Path gatewayScandir, String description) {
    return new S6ServiceManager(
        gatewayScandir,
        new S6Tools(bin),
        () -> {
          throw new AssertionError("the doctor writes no slot");
        },
        (command, timeout) -> {
          commands.add(command);
          if (command.get(0).endsWith("s6-svstat")) {
            return svstat;
          }
          return new CommandResult(0, "", "");
        },
        description);
  }

  private void containerSlots() throws IOException {
    Files.createDirectories(fsRoot.resolve("run/service/main-hermes"));
    Files.createDirectories(fsRoot.resolve("run/service/dashboard"));
  }

  /** A {@code --prefix} install of s6 {@code version}: PREFIX/bin and PREFIX/include/s6. */
  private Path s6Install(String version) throws IOException {
    Path prefix = dir.resolve("s6-" + version.replace('.', '_'));
    Path programs = Files.createDirectories(prefix.resolve("bin"));
    svscan(programs, "exit 111\n");
    Path include = Files.createDirectories(prefix.resolve("include/s6"));
    Files.writeString(
        include.resolve("config.h"),
        "#ifndef S6_CONFIG_H\n#define S6_CONFIG_H\n\n#define S6_VERSION \"" + version + "\"\n");
    return programs;
  }

  private static void svscan(Path programs, String body) throws IOException {
    Path program = Files.writeString(programs.resolve("s6-svscan"), "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private CliRun doctor(ServiceManager manager, String... args) {
    return doctor(Map.of(), manager, args);
  }

  private CliRun doctor(Map<String, String> env, ServiceManager manager, String... args) {
    String[] argv = Stream.concat(Stream.of("doctor"), Stream.of(args)).toArray(String[]::new);
    return CliRun.run(env, home, null, fsRoot, c -> manager, argv);
  }
}

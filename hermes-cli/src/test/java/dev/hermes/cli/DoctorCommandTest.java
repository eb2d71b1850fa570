package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.SupervisionException;
import dev.hermes.supervision.testing.FakeServiceManager;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
  @TempDir Path dir;
  Path home;
  Path fsRoot;

  @BeforeEach
  void createHomeWithTwoProfiles() throws IOException {
    home = dir.resolve("home");
    fsRoot = Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(home);
    assertThat(CliRun.run(home, "profile", "create", "a", "--port", "9001").code()).isZero();
    assertThat(CliRun.run(home, "profile", "create", "b", "--port", "9002").code()).isZero();
    for (Path config :
        new Path[] {
          home.resolve("config.yaml"),
          home.resolve("profiles/a/config.yaml"),
          home.resolve("profiles/b/config.yaml")
        }) {
      Files.writeString(config, Files.readString(config) + MODEL);
    }
  }

  static final String MODEL = "model:\n  base_url: http://127.0.0.1:11434/v1\n  name: llama3\n";

  @Test
  void aHealthyInstallPassesEveryCheckAndExitsZero() throws IOException {
    Files.createDirectories(fsRoot.resolve("run/service/main-hermes"));
    Files.createDirectories(fsRoot.resolve("run/service/dashboard"));

    CliRun r = doctor(FakeServiceManager.container().up("default", "a", "b"));

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = new ArrayList<>(r.out().lines().toList());
    // The free space changes from one read to the next; its line's shape is what matters here.
    assertThat(lines.remove(3))
        .matches(
            "  ✓ Log space: [0-9.]+ [KMG]B free of [0-9.]+ [KMG]B \\(\\d+%\\) for \\Q"
                + home.resolve("logs")
                + "\\E");
    assertThat(lines)
        .containsExactly(
            "Home",
            "  ✓ HERMES_HOME: " + home + " is writable",
            "  ✓ Logs: " + home.resolve("logs") + " is writable",
            "Profiles",
            "  ✓ Config: config.yaml parses in all 3 profile(s)",
            "  ✓ Ports: no collisions among 3 gateway port(s)",
            "  ✓ Model: configured in all 3 profile(s) (3 without MODEL_API_KEY: sent without a"
                + " key)",
            "  ✓ .env: private (0600) in all 3 profile(s)",
            "Supervision",
            "  ✓ Manager: s6 (container supervisor)",
            "  ✓ Main slot: " + fsRoot.resolve("run/service/main-hermes") + " present",
            "  ✓ Dashboard slot: "
                + fsRoot.resolve("run/service/dashboard")
                + " present (disabled by HERMES_DASHBOARD)",
            "  ✓ Gateway scanner: running",
            "  ✓ Per-profile gateways: 3/3 supervised up",
            "Summary: 12 ok, 0 warn, 0 fail");
  }

  @Test
  void theContainerSlotsAreCheckedOnlyUnderTheContainersS6() throws IOException {
    Files.createDirectories(fsRoot.resolve("run/service/main-hermes"));

    CliRun container = doctor(FakeServiceManager.container());
    assertThat(container.out())
        .contains("  ✓ Main slot: " + fsRoot.resolve("run/service/main-hermes") + " present\n")
        .contains("  ⚠ Dashboard slot: " + fsRoot.resolve("run/service/dashboard") + " missing\n");

    CliRun host = doctor(FakeServiceManager.local());
    assertThat(host.out()).doesNotContain("slot").contains("  ✓ Manager: s6 (hermes up, ");
  }

  @Test
  void aGatewayScannerThatIsDownFailsWithExitTwoUnderTheContainersS6Only() {
    CliRun container = doctor(FakeServiceManager.container().scannerDown());
    assertThat(container.code()).isEqualTo(2);
    assertThat(container.out())
        .contains("  ✗ Gateway scanner: not running (no gateway is supervised)\n");

    assertThat(doctor(FakeServiceManager.local().scannerDown()).out()).doesNotContain("scanner");
  }

  @Test
  void healthIgnoresWarningsAStoppedGatewayAndOneStillStarting() throws IOException {
    Files.setPosixFilePermissions(
        home.resolve("profiles/a/.env"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(home.resolve("profiles/a/config.yaml"), "gateway: [unclosed\n");
    Files.writeString(home.resolve("gateway_state.json"), "{\"desired_state\":\"running\"}");
    Files.writeString(
        home.resolve("profiles/a/gateway_state.json"), "{\"desired_state\":\"running\"}");
    Files.writeString(
        home.resolve("profiles/b/gateway_state.json"), "{\"desired_state\":\"stopped\"}");
    FakeServiceManager manager =
        FakeServiceManager.container()
            .up("default")
            .starting("a")
            .heldDown("b", "crash loop (5 exits in 40s, last: exit 1)");

    assertThat(doctor(manager).out()).contains("⚠");
    CliRun r = doctor(manager, "--health");

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines()).containsExactly("Health: healthy");
  }

  @Test
  void healthNamesTheScannerAndEveryGatewayWantedRunningThatIsDownOrHeld() throws IOException {
    Files.writeString(home.resolve("gateway_state.json"), "{\"desired_state\":\"running\"}");
    Files.writeString(
        home.resolve("profiles/a/gateway_state.json"), "{\"desired_state\":\"running\"}");
    Files.writeString(
        home.resolve("profiles/b/gateway_state.json"),
        "{\"gateway_state\":\"startup_failed\",\"desired_state\":\"running\","
            + "\"exit_reason\":\"fatal configuration: gateway.port is not set\"}");
    FakeServiceManager manager =
        FakeServiceManager.container()
            .scannerDown()
            .heldDown("a", "crash loop (5 exits in 40s, last: exit 1)");

    CliRun r = doctor(manager, "--health");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines())
        .containsExactly(
            "✗ Gateway scanner: not running (no gateway is supervised)",
            "✗ default: desired_state running but the gateway is down",
            "✗ a: crash loop (5 exits in 40s, last: exit 1)",
            "✗ b: startup failed: fatal configuration: gateway.port is not set",
            "Health: unhealthy (4 problem(s))");
  }

  @Test
  void healthWithoutADesiredStateIgnoresAGatewayThatIsDown() {
    FakeServiceManager manager =
        FakeServiceManager.container().heldDown("a", "fatal configuration");

    assertThat(doctor(manager).out()).contains("  ⚠ a: fatal configuration\n");
    assertThat(doctor(manager, "--health").out()).isEqualTo("Health: healthy\n");
  }

  @Test
  void healthIsUnhealthyWhenTheServiceManagerCannotBeDetermined() {
    CliRun r =
        doctor(
            home,
            c -> {
              throw new SupervisionException("no supervisor");
            },
            "--health");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().lines())
        .containsExactly(
            "✗ Manager: cannot be determined: no supervisor", "Health: unhealthy (1 problem(s))");
  }

  @Test
  void healthTakesNoOtherFlag() {
    CliRun r = doctor(FakeServiceManager.container(), "--health", "--json");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--health cannot be combined with --json, --fix or --strict");
  }

  @Test
  void anOpenEnvWarnsAndFixTightensItAndCreatesAMissingOne() throws IOException {
    Path openEnv = home.resolve("profiles/a/.env");
    Files.setPosixFilePermissions(openEnv, PosixFilePermissions.fromString("rw-r--r--"));
    Files.delete(home.resolve(".env"));

    CliRun warned = doctor(FakeServiceManager.local());
    assertThat(warned.code()).isZero();
    assertThat(warned.out())
        .contains("  ⚠ a: .env has mode 0644, expected 0600 (run 'hermes doctor --fix')\n")
        .contains("  ⚠ default: .env is missing (run 'hermes doctor --fix')\n")
        .contains("Summary: ")
        .contains(" 2 warn, 0 fail");
    assertThat(home.resolve(".env")).doesNotExist();

    CliRun fixed = doctor(FakeServiceManager.local(), "--fix");
    assertThat(fixed.code()).isZero();
    assertThat(fixed.out())
        .contains("  ✓ a: .env had mode 0644: set to 0600\n")
        .contains("  ✓ default: .env was missing: created with mode 0600\n")
        .doesNotContain("⚠");
    assertThat(mode(openEnv)).isEqualTo("rw-------");
    assertThat(mode(home.resolve(".env"))).isEqualTo("rw-------");

    assertThat(doctor(FakeServiceManager.local()).out())
        .contains("  ✓ .env: private (0600) in all 3 profile(s)\n");
  }

  @Test
  void aLinkedEnvWarnsAndFixLeavesItAndItsTargetAlone() throws IOException {
    Path target = Files.writeString(dir.resolve("shared-secrets"), "MODEL_API_KEY=x\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    Path env = home.resolve("profiles/a/.env");
    Files.delete(env);
    Files.createSymbolicLink(env, target);

    CliRun warned = doctor(FakeServiceManager.local());
    assertThat(warned.out())
        .contains(
            "  ⚠ a: .env is a symbolic link; hermes does not follow links in HERMES_HOME:"
                + " replace it with the file itself\n")
        .doesNotContain("private (0600)");

    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    CliRun fixed = doctor(FakeServiceManager.local(), "--fix");
    assertThat(fixed.out()).contains("  ⚠ a: .env is a symbolic link;");
    assertThat(mode(target)).as("--fix never chmods through a link").isEqualTo("rw-r--r--");
    assertThat(Files.isSymbolicLink(env)).isTrue();
  }

  @Test
  void aFiftyMegabyteConfigIsBadConfigAndTheDoctorFinishes() throws IOException {
    sparse(home.resolve("profiles/b/config.yaml"), 50L * 1024 * 1024);

    CliRun r =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> doctor(FakeServiceManager.local()));

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "  ⚠ b: config.yaml cannot be used (bad-config): "
                + home.resolve("profiles/b/config.yaml")
                + " is 50 MB; the limit is 256 KB\n");
  }

  @Test
  void profilesSharingAPortAreNamedTogether() throws IOException {
    Files.writeString(home.resolve("profiles/b/config.yaml"), "gateway:\n  port: 9001\n");

    CliRun r = doctor(FakeServiceManager.local());

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("  ⚠ Ports: profiles 'a' and 'b' both use port 9001\n");
    assertThat(r.out()).doesNotContain("no collisions");
  }

  @Test
  void aProfileOnTheDashboardsPortFails() throws IOException {
    Files.writeString(home.resolve("profiles/b/config.yaml"), "gateway:\n  port: 9119\n");

    CliRun r = doctor(FakeServiceManager.local());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out())
        .contains(
            "  ✗ Ports: profile 'b' uses port 9119, reserved for the dashboard"
                + " (HERMES_DASHBOARD_PORT, default 9119) (change gateway.port in that"
                + " config.yaml, or move the dashboard with HERMES_DASHBOARD_PORT)\n");
  }

  @Test
  void aProfileOnTheDashboardsPortFailsWhereverHermesDashboardPortMovesIt() throws IOException {
    Files.writeString(home.resolve("profiles/b/config.yaml"), "gateway:\n  port: 9500\n" + MODEL);
    Map<String, String> moved = Map.of("HERMES_DASHBOARD_PORT", "9500");

    CliRun r = doctor(moved, FakeServiceManager.local());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out())
        .contains(
            "  ✗ Ports: profile 'b' uses port 9500, reserved for the dashboard"
                + " (HERMES_DASHBOARD_PORT, default 9119) (change gateway.port in that"
                + " config.yaml, or move the dashboard with HERMES_DASHBOARD_PORT)\n");
    assertThat(doctor(FakeServiceManager.local()).out())
        .as("9500 is an ordinary port while the dashboard is on 9119")
        .contains("  ✓ Ports: no collisions among 3 gateway port(s)\n");
  }

  @Test
  void profileCreateRefusesTheDashboardsPort() {
    CliRun r = CliRun.run(home, "profile", "create", "x", "--port", "9119");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "hermes: error: port 9119 is reserved for the dashboard (HERMES_DASHBOARD_PORT,"
                + " default 9119); choose another\n");
    assertThat(home.resolve("profiles/x")).doesNotExist();
  }

  @Test
  void aConfigThatCannotBeParsedNamesItsProfile() throws IOException {
    Files.writeString(home.resolve("profiles/b/config.yaml"), "gateway: [unclosed\n");

    CliRun r = doctor(FakeServiceManager.local());

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("  ⚠ b: config.yaml cannot be parsed: invalid YAML in ")
        .contains("  ✓ Ports: no collisions among 2 gateway port(s)\n")
        .doesNotContain("Config: config.yaml parses")
        .doesNotContain("Model: configured")
        .doesNotContain("b: no model");
  }

  @Test
  void aProfileWithoutAModelWarnsNamingWhatIsUnset() throws IOException {
    Path bConfig = home.resolve("profiles/b/config.yaml");
    Files.writeString(bConfig, "gateway:\n  port: 9002\n");
    Path aConfig = home.resolve("profiles/a/config.yaml");
    Files.writeString(aConfig, "gateway:\n  port: 9001\nmodel:\n  base_url: http://h:1/v1\n");

    CliRun r = doctor(FakeServiceManager.local());

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "  ⚠ a: no model configured (model.name is not set in "
                + aConfig
                + "): every chat answers 503\n")
        .contains(
            "  ⚠ b: no model configured (model.base_url and model.name are not set in "
                + bConfig
                + "): every chat answers 503\n")
        .doesNotContain("Model: configured")
        .doesNotContain("default: no model");
    assertThat(doctor(FakeServiceManager.local(), "--strict").code()).isEqualTo(1);
  }

  @Test
  void aModelUrlTheGatewayRefusesFailsNamingTheProfileAndTheReason() throws IOException {
    Path bConfig = home.resolve("profiles/b/config.yaml");
    Files.writeString(
        bConfig, "gateway:\n  port: 9002\nmodel:\n  base_url: localhost:11434/v1\n  name: m\n");

    CliRun r = doctor(FakeServiceManager.local());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains(
            "  ✗ b: the gateway will not start (exit 78): model.base_url 'localhost:11434/v1' in "
                + bConfig
                + " must start with http:// or https://\n")
        .doesNotContain("Model: configured");
  }

  @Test
  void aMissingApiKeyIsNoWarningAndTheOkLineCountsIt() throws IOException {
    Files.writeString(home.resolve("profiles/a/.env"), "MODEL_API_KEY=sk-test\n");

    CliRun r = doctor(FakeServiceManager.local(), "--strict");

    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out())
        .contains(
            "  ✓ Model: configured in all 3 profile(s) (2 without MODEL_API_KEY: sent without a"
                + " key)\n")
        .doesNotContain("sk-test");
  }

  @Test
  void aCrashLoopedGatewayIsNamedWithItsReasonUnlessTheOperatorStoppedIt() throws IOException {
    Files.writeString(
        home.resolve("profiles/b/gateway_state.json"), "{\"desired_state\":\"stopped\"}");
    FakeServiceManager manager =
        FakeServiceManager.local()
            .up("default")
            .heldDown("a", "crash loop (5 exits in 40s, last: exit 1)")
            .heldDown("b", "crash loop (5 exits in 12s, last: SIGSEGV)");

    CliRun r = doctor(manager);

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("  ✓ Per-profile gateways: 1/3 supervised up\n")
        .contains("  ⚠ a: crash loop (5 exits in 40s, last: exit 1)\n")
        .doesNotContain("b: ");
  }

  @Test
  void aStartupFailureRecordedInTheStateFileIsNamedWithItsReason() throws IOException {
    Files.writeString(
        home.resolve("profiles/a/gateway_state.json"),
        "{\"gateway_state\":\"startup_failed\",\"desired_state\":\"running\","
            + "\"exit_reason\":\"fatal configuration: gateway.port is not set\"}");

    CliRun r = doctor(FakeServiceManager.local());

    assertThat(r.out())
        .contains("  ⚠ a: startup failed: fatal configuration: gateway.port is not set\n")
        .doesNotContain("desired_state running");
  }

  @Test
  void driftIsReportedInBothDirections() throws IOException {
    Files.writeString(
        home.resolve("profiles/a/gateway_state.json"), "{\"desired_state\":\"running\"}");
    Files.writeString(
        home.resolve("profiles/b/gateway_state.json"), "{\"desired_state\":\"stopped\"}");
    Files.writeString(home.resolve("gateway_state.json"), "{\"desired_state\":\"running\"}");

    CliRun r = doctor(FakeServiceManager.local().up("default", "b"));

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("  ✓ Per-profile gateways: 2/3 supervised up\n")
        .contains("  ⚠ a: desired_state running but the gateway is down\n")
        .contains("  ⚠ b: desired_state stopped but the gateway is up\n")
        .doesNotContain("default: ");
  }

  @Test
  void aStatusThatThrowsBecomesAWarningForThatProfileOnly() {
    CliRun r = doctor(FakeServiceManager.local().up("default", "b").broken("a"));

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("  ✓ Per-profile gateways: 2/3 supervised up\n")
        .contains("  ⚠ a: supervisor status unavailable: s6-svstat failed for gateway-a\n");
  }

  @Test
  void aHomeThatIsAFileFailsWithExitTwo() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

    CliRun r = doctor(file, c -> FakeServiceManager.local());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("  ✗ HERMES_HOME: " + file + " is not a directory\n")
        .contains(
            "  ✗ Logs: "
                + file.resolve("logs")
                + " cannot be created: "
                + file
                + " is not a writable directory\n")
        .contains("  ✓ Per-profile gateways: 0/0 supervised up\n")
        .doesNotContain("Profiles\n");
  }

  @Test
  void aMissingHomeFailsWithExitTwo() {
    Path missing = dir.resolve("missing");

    CliRun r = doctor(missing, c -> FakeServiceManager.local());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("  ✗ HERMES_HOME: " + missing + " does not exist\n");
    assertThat(missing).doesNotExist();
  }

  @Test
  void aReadOnlyHomeFailsWithExitTwo() throws IOException {
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));
    Files.setPosixFilePermissions(
        home.resolve("logs"), PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(home), "the superuser can write anyway");

      CliRun r = doctor(FakeServiceManager.local());

      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out())
          .contains("  ✗ HERMES_HOME: " + home + " is not writable\n")
          .contains("  ✗ Logs: " + home.resolve("logs") + " is not writable\n");
    } finally {
      Files.setPosixFilePermissions(
          home.resolve("logs"), PosixFilePermissions.fromString("rwx------"));
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aServiceManagerThatCannotBeDeterminedFailsWithExitTwo() {
    CliRun r =
        doctor(
            home,
            c -> {
              throw new SupervisionException("HERMES_SERVICE_MANAGER must be one of s6; got 'x'");
            });

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains(
            "  ✗ Manager: cannot be determined: HERMES_SERVICE_MANAGER must be one of s6; got"
                + " 'x'\n")
        .doesNotContain("Per-profile gateways");
  }

  @Test
  void strictTurnsWarningsIntoExitOne() throws IOException {
    assertThat(doctor(FakeServiceManager.local(), "--strict").code()).isZero();

    Files.setPosixFilePermissions(
        home.resolve("profiles/a/.env"), PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThat(doctor(FakeServiceManager.local()).code()).isZero();
    assertThat(doctor(FakeServiceManager.local(), "--strict").code()).isEqualTo(1);
    assertThat(doctor(dir.resolve("missing"), c -> FakeServiceManager.local(), "--strict").code())
        .isEqualTo(2);
  }

  @Test
  void jsonCarriesEveryCheckTheCountsAndTheExitCode() throws IOException {
    Files.setPosixFilePermissions(
        home.resolve("profiles/a/.env"), PosixFilePermissions.fromString("rw-r-----"));

    CliRun r = doctor(FakeServiceManager.local().up("default"), "--json", "--strict");

    assertThat(r.code()).isEqualTo(1);
    JsonNode document = new ObjectMapper().readTree(r.out());
    JsonNode checks = document.get("checks");
    assertThat(checks.size()).isGreaterThan(5);
    for (JsonNode check : checks) {
      assertThat(check.get("section").asText()).isIn("Home", "Profiles", "Supervision");
      assertThat(check.get("status").asText()).isIn("ok", "warn", "fail");
      assertThat(check.get("name").asText()).isNotBlank();
      assertThat(check.get("message").asText()).isNotBlank();
    }
    JsonNode summary = document.get("summary");
    for (String status : new String[] {"ok", "warn", "fail"}) {
      long counted =
          Stream.iterate(0, i -> i < checks.size(), i -> i + 1)
              .filter(i -> checks.get(i).get("status").asText().equals(status))
              .count();
      assertThat(summary.get(status).asLong()).as(status).isEqualTo(counted);
    }
    assertThat(summary.get("warn").asInt()).isEqualTo(1);
    assertThat(summary.get("fail").asInt()).isZero();
    assertThat(document.get("exit_code").asInt()).isEqualTo(1);
    assertThat(r.out()).contains("\"name\" : \"env:a\"").contains("has mode 0640");
    List<String> names = new ArrayList<>();
    checks.forEach(check -> names.add(check.get("name").asText()));
    assertThat(names).contains("home", "logs", "logs-space", "config", "ports", "model", "env:a");
  }

  @Test
  void withoutHermesUpWhereS6IsInstalledTheManagerLineWarnsAndSaysToStartIt() {
    CliRun r = doctor(dev.hermes.supervision.none.NoServiceManager.withoutHermesUp(home));

    assertThat(r.out())
        .contains(
            "  ⚠ Manager: none (no supervisor is running for HERMES_HOME "
                + home
                + ": start it with 'hermes up')\n");
  }

  private CliRun doctor(ServiceManager manager, String... args) {
    return doctor(home, c -> manager, args);
  }

  /** The doctor with {@code env} added to its environment. */
  private CliRun doctor(Map<String, String> env, ServiceManager manager, String... args) {
    String[] argv = Stream.concat(Stream.of("doctor"), Stream.of(args)).toArray(String[]::new);
    return CliRun.run(env, home, null, fsRoot, c -> manager, argv);
  }

  private CliRun doctor(
      Path hermesHome, Function<CliContext, ServiceManager> managers, String... args) {
    String[] argv = Stream.concat(Stream.of("doctor"), Stream.of(args)).toArray(String[]::new);
    return CliRun.run(hermesHome, null, fsRoot, managers, argv);
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  /** A file of {@code size} bytes that takes no disk space. */
  static Path sparse(Path file, long size) throws IOException {
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.setLength(size);
    }
    return file;
  }
}

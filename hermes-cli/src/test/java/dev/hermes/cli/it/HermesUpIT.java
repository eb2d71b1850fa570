package dev.hermes.cli.it;

import static dev.hermes.cli.it.HermesCli.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.testing.Required;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real {@code bin/hermes} as separate processes against a real {@code hermes up} on
 * Debian's s6, including the container-restart contract (kill the whole tree, start again on the
 * same HERMES_HOME).
 */
class HermesUpIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Duration READY = Duration.ofSeconds(60);

  @TempDir Path home;
  @TempDir Path scratch;

  private HermesCli cli;
  private HermesUp up;

  @BeforeEach
  void setUp() throws IOException {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    // The dashboard has tests of its own (Dashboard*IT); here it would only add a JVM per test.
    cli = new HermesCli(home, scratch).env("HERMES_DASHBOARD", "0");
    // A private port range keeps parallel runs and other services out of the way.
    int base = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 99) + "\"\n");
  }

  @AfterEach
  void tearDown() {
    if (up != null) {
      up.close();
    }
  }

  @Test
  void lifecycleAndContainerRestartContract() throws Exception {
    up = HermesUp.start(cli, scratch.resolve("up-1.log"));
    cli.awaitGateway("default", READY, HermesCli::ready);
    for (String p : List.of("alpha", "beta", "gamma")) {
      assertThat(cli.ok("profile", "create", p)).startsWith("✓ Created profile '" + p + "'");
      assertThat(cli.gateway(p).get("actual").asText()).isEqualTo("down");
    }

    assertThat(cli.ok("-p", "alpha", "gateway", "start", "--wait"))
        .startsWith("✓ Started gateway-alpha: ready, PID ");
    cli.ok("-p", "beta", "gateway", "start", "--wait");
    assertThat(health(cli.gateway("alpha"))).isEqualTo(200);

    // A crash: s6 brings it back, ready, with a new pid.
    JsonNode before = cli.gateway("alpha");
    ProcessHandle.of(before.get("pid").asLong()).orElseThrow().destroyForcibly();
    JsonNode after =
        cli.awaitGateway(
            "alpha", READY, s -> ready(s) && s.get("pid").asInt() != before.get("pid").asInt());
    assertThat(after.get("restarts").asInt()).isEqualTo(1);
    assertThat(health(after)).isEqualTo(200);

    assertThat(cli.ok("-p", "beta", "gateway", "stop", "--wait"))
        .isEqualTo("✓ Stopped gateway-beta: down\n");
    assertThat(cli.gateway("beta").get("desired").asText()).isEqualTo("stopped");

    assertThat(cli.ok("gateway", "stop", "--all", "--wait"))
        .isEqualTo("✓ Stopped 4 profile gateway(s)\n");
    assertThat(cli.gateways().values()).noneMatch(s -> s.get("up").asBoolean());
    // restart --all restarts what is meant to run: after stop --all, nothing.
    assertThat(cli.ok("gateway", "restart", "--all", "--wait"))
        .isEqualTo("✓ No gateway is meant to be running: nothing to restart\n");
    assertThat(cli.gateways().values()).noneMatch(s -> s.get("up").asBoolean());
    assertThat(cli.ok("gateway", "start", "--all", "--wait"))
        .isEqualTo("✓ Started 4 profile gateway(s)\n");
    assertThat(cli.ok("gateway", "restart", "--all", "--wait"))
        .isEqualTo("✓ Restarted 4 profile gateway(s)\n");
    assertThat(cli.gateways().values()).allMatch(HermesCli::ready);
    cli.ok("-p", "beta", "gateway", "stop", "--wait");
    cli.ok("-p", "gamma", "gateway", "stop", "--wait");

    // The container dies: every process at once, nothing cleaned up.
    long alphaPid = cli.gateway("alpha").get("pid").asLong();
    Path alphaDir = home.resolve("profiles/alpha");
    Files.writeString(home.resolve("profiles/gamma/processes.json"), "[]");
    up.kill();
    assertThat(Files.readString(alphaDir.resolve("gateway.pid")).trim())
        .isEqualTo(Long.toString(alphaPid));

    up = HermesUp.start(cli, scratch.resolve("up-2.log"));
    assertThat(up.output())
        .contains("reconcile: profile=default prior_state=running action=started")
        .contains("reconcile: profile=alpha prior_state=running action=started")
        .contains("reconcile: profile=beta prior_state=stopped action=registered")
        .contains("reconcile: profile=gamma prior_state=stopped action=registered");
    JsonNode alpha = cli.awaitGateway("alpha", READY, HermesCli::ready);
    cli.awaitGateway("default", READY, HermesCli::ready);
    assertThat(alpha.get("pid").asLong()).isNotEqualTo(alphaPid);
    assertThat(Files.readString(alphaDir.resolve("gateway.pid")).trim())
        .isEqualTo(alpha.get("pid").asText());
    assertThat(cli.gateway("beta").get("actual").asText()).isEqualTo("down");
    assertThat(cli.gateway("gamma").get("actual").asText()).isEqualTo("down");
    assertThat(home.resolve("profiles/gamma/processes.json")).doesNotExist();
    assertThat(home.resolve("profiles/beta/gateway.pid")).doesNotExist();
    assertThat(Files.readAllLines(home.resolve("logs/container-boot.log")))
        .hasSize(5)
        .allMatch(
            l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z profile=\\S+ prior_state=\\S+ action=\\S+"));

    // The audit trail outlived the dead container: every line from before it, then the boot's.
    List<String> trail = new ArrayList<>();
    for (JsonNode e : JSON.readTree(cli.ok("gateway", "history", "-n", "1000", "--json"))) {
      trail.add(
          e.get("profile").asText()
              + " "
              + e.get("action").asText()
              + " "
              + e.get("actor").asText()
              + " "
              + e.get("result").asText());
    }
    assertThat(trail)
        .startsWith("default reconcile boot started")
        .containsSubsequence(
            "alpha register cli ok",
            "beta register cli ok",
            "gamma register cli ok",
            "alpha start cli ok",
            "beta start cli ok",
            "beta stop cli ok",
            "gamma stop cli ok",
            "default reconcile boot started",
            "alpha reconcile boot started",
            "beta reconcile boot registered",
            "gamma reconcile boot registered")
        .endsWith("gamma reconcile boot registered");

    // A clean stop: every gateway writes 'stopped', desired_state stays as the operator set it.
    assertThat(up.stop(Duration.ofSeconds(90))).isZero();
    assertThat(up.output()).contains("hermes up: every gateway stopped");
    String alphaState = Files.readString(alphaDir.resolve("gateway_state.json"));
    assertThat(alphaState).contains("\"gateway_state\" : \"stopped\"");
    assertThat(alphaState).contains("\"desired_state\" : \"running\"");
    assertThat(home.resolve("run/s6-svscan.pid")).doesNotExist();
  }

  @Test
  void brokenConfigIsHeldDownAndNamed() throws Exception {
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    cli.ok("profile", "create", "broken");
    Files.writeString(home.resolve("profiles/broken/config.yaml"), "gateway: [unclosed\n");

    HermesCli.Result start = cli.run("-p", "broken", "gateway", "start", "--wait");
    assertThat(start.code()).isEqualTo(1);
    // The gateway's own reason, kept through the hold: not just "fatal configuration".
    String refused =
        "fatal configuration: invalid YAML in "
            + home.resolve("profiles/broken/config.yaml")
            + ": while parsing a flow sequence";
    assertThat(start.err())
        .isEqualTo("hermes: error: gateway-broken is held down: " + refused + "\n");

    JsonNode status = cli.gateway("broken");
    assertThat(status.get("actual").asText()).isEqualTo("failed");
    assertThat(status.get("hold_reason").asText()).isEqualTo("fatal-config");
    assertThat(status.get("reason").asText()).isEqualTo(refused);
    assertThat(status.get("last_exit").asText()).isEqualTo("exit 78");
    String state = Files.readString(home.resolve("profiles/broken/gateway_state.json"));
    assertThat(state).contains("\"gateway_state\" : \"startup_failed\"");
    assertThat(cli.ok("gateway", "status", "--all")).containsPattern("broken +running +failed");
    // Not a wait for something: time for s6 to have brought it back, were it going to.
    HermesCli.pause(1500);
    assertThat(cli.gateway("broken").get("up").asBoolean()).as("stays down").isFalse();

    HermesCli.Result doctor = cli.run("doctor");
    assertThat(doctor.code()).as(doctor.out()).isZero();
    assertThat(doctor.out())
        .contains("⚠ broken: config.yaml cannot be parsed")
        .contains("⚠ broken: " + refused)
        .contains("✓ Manager: s6 (hermes up, ");
  }

  @Test
  void aGatewayWhosePortAnotherProgramHoldsIsHeldDownWithTheGatewaysOwnReason() throws Exception {
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    cli.ok("profile", "create", "taken");
    int port = cli.gateway("taken").get("port").asInt();
    String refused =
        "fatal configuration: port " + port + " on 127.0.0.1 is in use by another program";
    try (ServerSocket other = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
      HermesCli.Result start = cli.run("-p", "taken", "gateway", "start", "--wait");
      assertThat(start.code()).as(start.out()).isEqualTo(1);
      assertThat(start.err())
          .isEqualTo("hermes: error: gateway-taken is held down: " + refused + "\n");

      JsonNode status = cli.gateway("taken");
      assertThat(status.get("desired").asText()).isEqualTo("running");
      assertThat(status.get("actual").asText()).isEqualTo("failed");
      assertThat(status.get("hold_reason").asText()).isEqualTo("fatal-config");
      assertThat(status.get("reason").asText()).isEqualTo(refused);
      assertThat(status.get("last_exit").asText()).isEqualTo("exit 78");
      assertThat(status.get("up").asBoolean()).isFalse();
      assertThat(cli.ok("gateway", "status", "--all"))
          .containsPattern(
              "(?m)^taken +running +failed +- +- +0 +"
                  + port
                  + " +exit 78 +"
                  + Pattern.quote(refused)
                  + "$");
      assertThat(cli.run("doctor").out()).contains("⚠ taken: " + refused);
      assertThat(cli.ok("status")).contains("Gateways up:    1/2");

      // Started again while the port is still taken: held again, said at once, not "Started".
      HermesCli.Result again = cli.run("-p", "taken", "gateway", "start");
      assertThat(again.code()).as(again.out()).isEqualTo(1);
      assertThat(again.out()).isEmpty();
      assertThat(again.err())
          .isEqualTo("hermes: error: gateway-taken is held down again: failed: " + refused + "\n");
      assertThat(cli.gateway("taken").get("reason").asText()).isEqualTo(refused);
    }

    // Once the other program lets go of the port, a start brings the gateway up.
    assertThat(cli.ok("-p", "taken", "gateway", "start")).startsWith("✓ Started gateway-taken: ");
    assertThat(cli.ok("-p", "taken", "gateway", "history", "-n", "2"))
        .containsPattern(
            "(?m)^\\S+Z +taken +release +cli +\\S+ +" + Pattern.quote(refused) + " +ok$")
        .containsPattern("(?m)^\\S+Z +taken +start +cli +\\S+ +hermes gateway start +ok$");
    JsonNode ready = cli.awaitGateway("taken", READY, HermesCli::ready);
    assertThat(ready.get("actual").asText()).isEqualTo("ready");
    assertThat(ready.get("hold_reason").isNull()).isTrue();
    assertThat(ready.get("reason").isNull()).isTrue();
  }

  @Test
  void restartAllRestartsTheGatewaysMeantToRunAndLeavesTheStoppedOnesStopped() throws Exception {
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    cli.ok("profile", "create", "alpha");
    cli.ok("profile", "create", "beta");
    cli.ok("-p", "alpha", "gateway", "start", "--wait");
    cli.ok("-p", "beta", "gateway", "start", "--wait");
    cli.ok("-p", "beta", "gateway", "stop", "--wait");
    int defaultPid = cli.awaitGateway("default", READY, HermesCli::ready).get("pid").asInt();
    int alphaPid = cli.gateway("alpha").get("pid").asInt();

    assertThat(cli.ok("gateway", "restart", "--all"))
        .isEqualTo("✓ Restarted 2 profile gateway(s)\n");

    JsonNode alpha =
        cli.awaitGateway("alpha", READY, s -> ready(s) && s.get("pid").asInt() != alphaPid);
    assertThat(alpha.get("desired").asText()).isEqualTo("running");
    cli.awaitGateway("default", READY, s -> ready(s) && s.get("pid").asInt() != defaultPid);
    // restart settles for a few seconds before it reports: a gateway it had started would be up.
    JsonNode beta = cli.gateway("beta");
    assertThat(beta.get("desired").asText()).isEqualTo("stopped");
    assertThat(beta.get("actual").asText()).isEqualTo("down");
    assertThat(beta.get("up").asBoolean()).isFalse();
    assertThat(cli.ok("gateway", "status", "--all")).containsPattern("(?m)^beta +stopped +down ");
  }

  @Test
  void doctorFlagsSharedPortsAndRepairsEnvPermissions() throws Exception {
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    cli.ok("profile", "create", "one");
    cli.ok("profile", "create", "two");
    int port = cli.gateway("one").get("port").asInt();
    Path twoConfig = home.resolve("profiles/two/config.yaml");
    Files.writeString(
        twoConfig, Files.readString(twoConfig).replaceAll("port: *\\d+", "port: " + port));
    Path env = home.resolve("profiles/one/.env");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));

    HermesCli.Result strict = cli.run("doctor", "--strict");
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.out())
        .contains("⚠ Ports: profiles 'one' and 'two' both use port " + port)
        .contains("⚠ one: .env has mode 0644, expected 0600 (run 'hermes doctor --fix')");

    HermesCli.Result fix = cli.run("doctor", "--fix");
    assertThat(fix.out()).contains("✓ one: .env had mode 0644: set to 0600");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
        .isEqualTo("rw-------");
  }

  @Test
  void oneHermesUpPerHome() {
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    HermesCli.Result second = cli.run("up");
    assertThat(second.code()).isEqualTo(1);
    assertThat(second.err())
        .startsWith("hermes: error: hermes up is already running for " + home)
        .contains("(s6-svscan PID ");
    assertThat(up.isAlive()).isTrue();
    assertThat(cli.ok("status")).contains("Manager:        s6 (hermes up, ");
  }

  @Test
  void gatewayRunHandsOverToTheSupervisedSlot() throws Exception {
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    cli.ok("profile", "create", "handed");
    Path err = scratch.resolve("run.err");
    Process run =
        cli.builder("-p", "handed", "gateway", "run")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    try {
      JsonNode status = cli.awaitGateway("handed", READY, HermesCli::ready);
      assertThat(status.get("pid").asLong()).isNotEqualTo(run.pid());
      assertThat(Files.readString(err, StandardCharsets.UTF_8))
          .isEqualTo("→ gateway is now running under s6 supervision\n");
      assertThat(run.isAlive()).as("waits until terminated").isTrue();
      run.destroy();
      assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(run.exitValue()).isZero();
    } finally {
      run.destroyForcibly();
    }
  }

  @Test
  void gatewayRunWithoutSupervisionRunsInTheForeground() throws Exception {
    up = HermesUp.start(cli, scratch.resolve("up.log"));
    cli.ok("profile", "create", "fg");
    Process run =
        cli.env("HERMES_GATEWAY_NO_SUPERVISE", "yes")
            .builder("-p", "fg", "gateway", "run")
            .redirectErrorStream(true)
            .redirectOutput(scratch.resolve("fg.log").toFile())
            .start();
    try {
      Path pidFile = home.resolve("profiles/fg/gateway.pid");
      await("gateway-fg ready in the foreground")
          .atMost(READY)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                if (Files.readString(scratch.resolve("fg.log")).contains("info: ready")) {
                  return true;
                }
                assertThat(run.isAlive()).isTrue();
                return false;
              });
      assertThat(Files.readString(pidFile).trim()).isEqualTo(Long.toString(run.pid()));
      assertThat(cli.gateway("fg").get("up").asBoolean()).as("the slot stays down").isFalse();
      run.destroy();
      assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(run.exitValue()).isZero();
      assertThat(Files.readString(home.resolve("profiles/fg/gateway_state.json")))
          .contains("\"gateway_state\" : \"stopped\"");
    } finally {
      run.destroyForcibly();
    }
  }

  private static int health(JsonNode status) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<Void> response =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + status.get("port").asInt() + "/health"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return response.statusCode();
  }
}

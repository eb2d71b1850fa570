package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermes.testing.Required;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/hermes} on a host with s6 installed but no {@code hermes up} running for this
 * HERMES_HOME (and no HERMES_SERVICE_MANAGER): nothing supervises the gateways, every lifecycle
 * command says how to change that, and a gateway run by hand in the foreground shows as such.
 */
class WithoutHermesUpIT {
  private static final Duration READY = Duration.ofSeconds(60);

  @TempDir Path home;
  @TempDir Path scratch;

  private HermesCli cli;
  private Process foreground;

  @BeforeEach
  void setUp() throws IOException {
    // Without s6 the advice would be the foreground one; this is the host where 'hermes up' works.
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    cli = new HermesCli(home, scratch);
    int base = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    Files.writeString(
        home.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 99) + "\"\n");
  }

  @AfterEach
  void tearDown() {
    if (foreground != null && foreground.isAlive()) {
      foreground.destroyForcibly();
    }
  }

  @Test
  void everyLifecycleCommandSaysToStartHermesUpAndAForegroundGatewayShowsAsNotSupervised()
      throws Exception {
    cli.ok("profile", "create", "solo");
    String advice =
        "no supervisor is running for HERMES_HOME " + home + ": start it with 'hermes up'";

    for (String action : List.of("start", "stop", "restart")) {
      HermesCli.Result r = cli.run("-p", "solo", "gateway", action);
      assertThat(r.code()).as("gateway %s: %s", action, r.out()).isEqualTo(1);
      assertThat(r.out()).as("gateway %s", action).isEmpty();
      assertThat(r.err()).as("gateway %s", action).isEqualTo("hermes: error: " + advice + "\n");
    }
    assertThat(cli.ok("status")).contains("Manager:        none (" + advice + ")");

    JsonNode solo = cli.gateway("solo");
    assertThat(solo.get("actual").asText()).isEqualTo("not-supervised");
    assertThat(solo.get("reason").asText()).isEqualTo(advice);
    assertThat(solo.get("registered").asBoolean()).isFalse();
    assertThat(solo.get("pid").asInt()).isEqualTo(-1);
    assertThat(solo.get("desired").isNull()).as("a refused start records no wish").isTrue();
    assertThat(cli.ok("gateway", "status", "--all"))
        .containsPattern("(?m)^default +- +not-supervised +- +.*" + Pattern.quote(advice) + "$")
        .containsPattern("(?m)^solo +- +not-supervised +- +.*" + Pattern.quote(advice) + "$");

    // Run by hand: no supervisor knows it, yet status finds it from what it reports.
    Path log = scratch.resolve("foreground.log");
    foreground =
        cli.builder("-p", "solo", "gateway", "run")
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long pid = foreground.pid();
    assertThat(pid).as("the foreground gateway's pid").isGreaterThan(1);
    await()
        .atMost(READY)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Files.readString(log, StandardCharsets.UTF_8), s -> s.contains("info: ready"));
    JsonNode running = cli.gateway("solo");
    assertThat(running.get("actual").asText()).isEqualTo("not-supervised");
    assertThat(running.get("pid").asLong()).isEqualTo(pid);
    assertThat(running.get("up").asBoolean()).isTrue();
    assertThat(running.get("registered").asBoolean()).isFalse();
    assertThat(running.get("reason").asText())
        .isEqualTo("running in the foreground ('hermes gateway run'); nothing restarts it");
    assertThat(cli.ok("gateway", "status", "--all"))
        .containsPattern(
            "(?m)^solo +- +not-supervised +"
                + pid
                + " +.*"
                + Pattern.quote("running in the foreground ('hermes gateway run'); nothing")
                + " restarts it$")
        .containsPattern("(?m)^default +- +not-supervised +- +.*" + Pattern.quote(advice) + "$");

    // Stopped by its pid (SIGTERM to the process this test started): the advice again.
    foreground.destroy();
    assertThat(foreground.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    assertThat(foreground.exitValue()).isZero();
    JsonNode stopped = cli.gateway("solo");
    assertThat(stopped.get("actual").asText()).isEqualTo("not-supervised");
    assertThat(stopped.get("pid").asInt()).isEqualTo(-1);
    assertThat(stopped.get("reason").asText()).isEqualTo(advice);
  }
}

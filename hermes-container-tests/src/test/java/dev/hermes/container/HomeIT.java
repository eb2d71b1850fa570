package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HOME of every process hermes starts is {@code $HERMES_HOME/home}, on the volume, while the passwd
 * entry keeps {@code /home/hermes} (so a UID remap never walks the volume).
 */
class HomeIT extends ContainerTest {
  private static final String HOME = "/opt/data/home";

  @Test
  void theGatewaysTheDashboardTheMainProgramAndExecsOfHermesHaveTheirHomeOnTheVolume() {
    Container container =
        container(
            RunOptions.defaults()
                .withEnv("HERMES_GATEWAY_BOOTSTRAP_STATE", "running")
                .withEnv("HERMES_DASHBOARD", "1")
                .withEnv("HERMES_DASHBOARD_USERNAME", "operator")
                .withEnv("HERMES_DASHBOARD_PASSWORD", "correct-horse-battery-staple"),
            IDLE);
    bootIdle(container);
    JsonNode gateway = awaitGateway(container, "default", "ready", ContainerTest::ready);
    assertThat(homeOf(container, gateway.get("pid").asText())).as("the gateway").isEqualTo(HOME);
    String dashboard =
        Waits.until(
            BOOT,
            "the dashboard up",
            () -> {
              String s = svstat(container, "/run/service/dashboard", "up,pid");
              return s.startsWith("true ") ? s.substring(5) : null;
            },
            () -> svstat(container, "/run/service/dashboard", "up,pid"));
    assertThat(homeOf(container, dashboard)).as("the dashboard").isEqualTo(HOME);
    assertThat(homeOf(container, mainProgram(container))).as("the main program").isEqualTo(HOME);

    // A root exec of hermes (the shim) and an exec as hermes: the slots they register hand
    // their HOME to the gateways.
    ExecResult byRoot = container.exec(null, Map.of(), "hermes", "profile", "create", "coder");
    assertThat(byRoot.code()).as(byRoot.toString()).isZero();
    hermesOk(container, "profile", "create", "helper");
    for (String profile : List.of("coder", "helper")) {
      ExecResult run =
          shell(
              container, "hermes", "grep '^HOME=' /run/hermes/service/gateway-" + profile + "/run");
      assertThat(run.out().trim()).as("gateway-%s/run", profile).isEqualTo("HOME='" + HOME + "'");
    }
    hermesOk(container, "-p", "coder", "gateway", "start", "--wait");
    assertThat(homeOf(container, gateway(container, "coder").get("pid").asText()))
        .as("gateway-coder")
        .isEqualTo(HOME);

    ExecResult passwd = shell(container, null, "getent passwd hermes | cut -d: -f6");
    assertThat(passwd.out().trim()).as("the passwd entry's home").isEqualTo("/home/hermes");
    assertThat(owner(container.data().resolve("home"))).isEqualTo(Integer.parseInt(HERMES_UID));
  }

  @Test
  void dotfilesPersistAcrossARecreatedContainerAndARemapRepairsTheirOwner() throws IOException {
    Outcome first =
        runToExit(
            RunOptions.defaults(),
            "sh",
            "-c",
            "echo \"$HOME\"; echo kept >\"$HOME/.dotfile\" && id -u");
    assertThat(first.code()).as(first.output()).isZero();
    assertThat(first.out()).as(first.output()).isEqualTo(HOME + "\n" + HERMES_UID + "\n");
    Path data = scratch.resolve("c0/data");
    assertThat(data.resolve("home/.dotfile")).hasContent("kept");

    // The same volume under a new container, remapped to 1000:1000.
    Container again =
        container(
            data,
            RunOptions.defaults().withEnv("PUID", "1000").withEnv("PGID", "1000"),
            List.of("sh", "-c", "cat \"$HOME/.dotfile\"; echo more >>\"$HOME/.dotfile\" && id -u"));
    Outcome second = runToExit(again);
    assertThat(second.code()).as(second.output()).isZero();
    assertThat(second.out()).as(second.output()).isEqualTo("kept\n1000\n");
    assertThat(owner(data.resolve("home"))).isEqualTo(1000);
    assertThat(owner(data.resolve("home/.dotfile"))).isEqualTo(1000);
    assertThat(data.resolve("home/.dotfile")).hasContent("kept\nmore");
  }

  /** HOME in the environment of process {@code pid}, read as hermes (it is hermes's). */
  private static String homeOf(Container container, String pid) {
    ExecResult r =
        shell(
            container,
            "hermes",
            "tr '\\0' '\\n' </proc/" + pid + "/environ | sed -n 's/^HOME=//p'");
    assertThat(r.code()).as(r.toString()).isZero();
    return r.out().trim();
  }
}

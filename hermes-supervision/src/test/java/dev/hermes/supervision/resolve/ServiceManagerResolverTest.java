package dev.hermes.supervision.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.HermesHome;
import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.s6.S6ServiceManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceManagerResolverTest {
  @TempDir Path root;
  Map<String, String> env = new HashMap<>();
  String os = "Linux";

  SupervisionEnvironment environment() {
    return new SupervisionEnvironment(
        env,
        root,
        new HermesHome(root.resolve("home")),
        (c, t) -> new CommandResult(0, "", ""),
        os,
        List.of("/opt/hermes/bin/hermes"),
        root.resolve("user"));
  }

  ServiceManager resolve() {
    return ServiceManagerResolver.standard().resolve(environment());
  }

  void fakeS6Container(String comm) throws IOException {
    Files.createDirectories(root.resolve("proc/1"));
    Files.writeString(root.resolve("proc/1/comm"), comm);
    Files.createDirectories(root.resolve("run/s6/basedir"));
  }

  @Test
  void s6ContainerNeedsBothProbes() throws IOException {
    fakeS6Container("s6-svscan\n");
    ServiceManager m = resolve();
    assertThat(m.kind()).isEqualTo(ServiceManagerKind.S6);
    assertThat(m.describe()).isEqualTo("s6 (container supervisor)");
    assertThat(((S6ServiceManager) m).scandir()).isEqualTo(Path.of("/run/hermes/service"));
  }

  @Test
  void aWrongCommIsNotS6() throws IOException {
    fakeS6Container("s6-svscanx\n");
    assertThat(resolve().kind()).isEqualTo(ServiceManagerKind.NONE);
  }

  @Test
  void aMissingBasedirIsNotS6() throws IOException {
    Files.createDirectories(root.resolve("proc/1"));
    Files.writeString(root.resolve("proc/1/comm"), "s6-svscan\n");
    assertThat(resolve().kind()).isEqualTo(ServiceManagerKind.NONE);
  }

  @Test
  void anUnreadableCommIsNotS6() throws IOException {
    Files.createDirectories(root.resolve("proc/1/comm")); // a directory: reading it fails
    Files.createDirectories(root.resolve("run/s6/basedir"));
    assertThat(resolve().kind()).isEqualTo(ServiceManagerKind.NONE);
  }

  @Test
  void noProcAtAllIsNotS6() {
    assertThat(resolve().kind()).isEqualTo(ServiceManagerKind.NONE);
  }

  @Test
  void aLiveHermesUpIsFoundFromHermesHome() throws IOException {
    Path run = Files.createDirectories(root.resolve("home/run"));
    Files.writeString(run.resolve("s6-svscan.pid"), "4321\n");
    Files.createDirectories(root.resolve("proc/4321"));
    Files.writeString(root.resolve("proc/4321/comm"), "s6-svscan\n");
    ServiceManager m = resolve();
    assertThat(m.kind()).isEqualTo(ServiceManagerKind.S6);
    assertThat(((S6ServiceManager) m).scandir()).isEqualTo(root.resolve("home/run/service"));
  }

  @Test
  void aStaleHermesUpPidFileIsIgnored() throws IOException {
    Path run = Files.createDirectories(root.resolve("home/run"));
    Files.writeString(run.resolve("s6-svscan.pid"), "4321\n");
    Files.createDirectories(root.resolve("proc/4321"));
    Files.writeString(root.resolve("proc/4321/comm"), "bash\n");
    assertThat(resolve().kind()).isEqualTo(ServiceManagerKind.NONE);
  }

  @Test
  void theExplicitChoiceWins() throws IOException {
    fakeS6Container("s6-svscan\n");
    env.put("HERMES_SERVICE_MANAGER", "none");
    assertThat(resolve().kind()).isEqualTo(ServiceManagerKind.NONE);
  }

  @Test
  void anExplicitS6OutsideAContainerUsesTheLocalScandirOrTheConfiguredOne() {
    env.put("HERMES_SERVICE_MANAGER", "s6");
    assertThat(((S6ServiceManager) resolve()).scandir())
        .isEqualTo(root.resolve("home/run/service"));
    env.put("S6_PROFILE_GATEWAY_SCANDIR", "/srv/scan");
    assertThat(((S6ServiceManager) resolve()).scandir()).isEqualTo(Path.of("/srv/scan"));
  }

  @Test
  void anUnknownExplicitChoiceIsAClearError() {
    env.put("HERMES_SERVICE_MANAGER", "upstart");
    assertThatThrownBy(this::resolve)
        .hasMessage(
            "HERMES_SERVICE_MANAGER must be one of s6, systemd, launchd, windows, none; got 'upstart'");
  }

  @Test
  void hostInitSystemsByOsAndBus() throws IOException {
    os = "Windows 11";
    assertThat(resolve().kind()).isEqualTo(ServiceManagerKind.WINDOWS);
    os = "Mac OS X";
    assertThat(resolve().kind()).isEqualTo(ServiceManagerKind.LAUNCHD);
    os = "Linux";
    Files.createDirectories(root.resolve("run/systemd/system"));
    assertThat(resolve().kind()).as("no user bus").isEqualTo(ServiceManagerKind.NONE);
    env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus");
    assertThat(resolve().kind()).isEqualTo(ServiceManagerKind.SYSTEMD);
  }

  @Test
  void whereS6IsInstalledButNoHermesUpRunsTheAdviceIsToStartIt() throws IOException {
    Path bin = Files.createDirectories(root.resolve("s6bin"));
    Path svscan = Files.writeString(bin.resolve("s6-svscan"), "#!/bin/sh\n");
    svscan.toFile().setExecutable(true);
    env.put("HERMES_S6_BIN_DIR", bin.toString());

    ServiceManager m = resolve();

    String advice =
        "no supervisor is running for HERMES_HOME "
            + root.resolve("home")
            + ": start it with 'hermes up'";
    assertThat(m.kind()).isEqualTo(ServiceManagerKind.NONE);
    assertThat(m.describe()).isEqualTo("none (" + advice + ")");
    assertThat(m.unsupervisedReason("coder")).isEqualTo(advice);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.start("coder")).hasMessage(advice);

    env.put(ServiceManagerResolver.OVERRIDE, "none");
    assertThat(resolve().describe())
        .as("an explicit none asked for the foreground")
        .isEqualTo("none (gateways run in the foreground: 'hermes gateway run')");
  }
}

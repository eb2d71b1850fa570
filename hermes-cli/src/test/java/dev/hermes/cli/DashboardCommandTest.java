package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.core.ContainerProbe;
import dev.hermes.core.HermesHome;
import dev.hermes.supervision.none.NoServiceManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refusals of {@code hermes dashboard}: each one line, exit 78, before anything listens. */
class DashboardCommandTest {
  @TempDir Path home;

  private CliRun run(Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.put("HERMES_HOME", home.toString());
    CliContext context =
        new CliContext(
            all,
            new HermesHome(home),
            null,
            new ContainerProbe(home.resolve("no-such-root")),
            c -> new NoServiceManager());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(context, new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Test
  void aNonLoopbackAddressWithAnUnusableTokenAndNoPasswordIsRefused() throws IOException {
    Path token = Files.writeString(home.resolve("dashboard.token"), "z".repeat(43));
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
    CliRun r = run(Map.of(), "dashboard", "--host", "0.0.0.0", "--port", "0");
    assertThat(r.code()).isEqualTo(78);
    assertThat(r.err())
        .startsWith(
            "hermes: error: refusing to listen on 0.0.0.0 (not a loopback address) without a"
                + " login: the login token file "
                + token
                + " is open to other users")
        .endsWith("; or set HERMES_DASHBOARD_USERNAME and HERMES_DASHBOARD_PASSWORD\n");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.out()).doesNotContain("listening");
  }

  @Test
  void theHostComesFromTheEnvironmentWhenNotGiven() throws IOException {
    Files.createDirectory(home.resolve("dashboard.token"));
    CliRun r = run(Map.of("HERMES_DASHBOARD_HOST", "0.0.0.0"), "dashboard", "--port", "0");
    assertThat(r.code()).isEqualTo(78);
    assertThat(r.err()).contains("refusing to listen on 0.0.0.0").contains("is not a regular file");
  }

  @Test
  void halfACredentialPairIsRefused() {
    CliRun r = run(Map.of("HERMES_DASHBOARD_PASSWORD", "secret"), "dashboard", "--port", "0");
    assertThat(r.code()).isEqualTo(78);
    assertThat(r.err())
        .isEqualTo(
            "hermes: error: HERMES_DASHBOARD_USERNAME and HERMES_DASHBOARD_PASSWORD must be set"
                + " together (only HERMES_DASHBOARD_PASSWORD is set)\n");
    assertThat(r.err()).doesNotContain("secret");
  }

  @Test
  void aBadPortIsAUsageErrorOrARefusal() {
    CliRun flag = run(Map.of(), "dashboard", "--port", "70000");
    assertThat(flag.code()).isEqualTo(2);
    assertThat(flag.err())
        .startsWith("hermes: error: --port must be between 0 and 65535, got 70000");
    CliRun env = run(Map.of("HERMES_DASHBOARD_PORT", "web"), "dashboard");
    assertThat(env.code()).isEqualTo(78);
    assertThat(env.err())
        .isEqualTo(
            "hermes: error: HERMES_DASHBOARD_PORT must be a port number (1-65535), got 'web'\n");
  }

  @Test
  void anAddressThatDoesNotResolveIsRefused() {
    CliRun r = run(Map.of(), "dashboard", "--host", "no-such-host.invalid", "--port", "0");
    assertThat(r.code()).isEqualTo(78);
    assertThat(r.err()).contains("cannot listen on 'no-such-host.invalid': it does not resolve");
  }

  @Test
  void hermesUpRunsTheDashboardUnlessTurnedOff() {
    assertThat(UpDashboard.plan(Map.of()).enabled()).isTrue();
    assertThat(UpDashboard.plan(Map.of("HERMES_DASHBOARD", "")).enabled()).isTrue();
    assertThat(UpDashboard.plan(Map.of("HERMES_DASHBOARD", "YES")).enabled()).isTrue();
    assertThat(UpDashboard.plan(Map.of("HERMES_DASHBOARD", "0")).enabled()).isFalse();
    assertThat(UpDashboard.plan(Map.of("HERMES_DASHBOARD", "off")).enabled()).isFalse();
    UpDashboard plan =
        UpDashboard.plan(
            Map.of("HERMES_DASHBOARD_HOST", "0.0.0.0", "HERMES_DASHBOARD_PORT", "9200"));
    assertThat(plan.host()).isEqualTo("0.0.0.0");
    assertThat(plan.port()).isEqualTo(9200);
    assertThat(plan.describe(Map.of(), new HermesHome(home)))
        .isEqualTo(
            "http://127.0.0.1:9200  (listening on 0.0.0.0; login: the token in "
                + home.resolve("dashboard.token")
                + ")");
  }
}

package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.HermesHome;
import dev.hermes.core.audit.AuditLog;
import dev.hermes.supervision.GatewayControl;
import dev.hermes.supervision.testing.FakeServiceManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessPolicyTest {
  @TempDir Path home;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private AccessPolicy decide(String host, String user, String password) throws IOException {
    DashboardSettings s =
        new DashboardSettings(host, 9119, user, password, home.resolve("dashboard.token"), null);
    // Closing the log writes out what it queued, so the test reads every line.
    try (DashboardLog dashboardLog = new DashboardLog(7, log)) {
      return AccessPolicy.decide(s, InetAddress.getByName(host), dashboardLog);
    }
  }

  @Test
  void loopbackWithoutCredentialsIsOpenAndMakesNoToken() throws IOException {
    assertThat(decide("127.0.0.1", null, null).isOpen()).isTrue();
    assertThat(decide("::1", null, null).isOpen()).isTrue();
    assertThat(home.resolve("dashboard.token")).doesNotExist();
  }

  @Test
  void credentialsAlwaysMeanALoginEvenOnLoopback() throws IOException {
    AccessPolicy policy = decide("127.0.0.1", "op", "secret");
    assertThat(policy.loginKind()).isEqualTo("password");
    assertThat(policy.login().accepts("op", "secret")).isTrue();
    assertThat(policy.login().accepts("op", "secreT")).isFalse();
    assertThat(policy.login().accepts("Op", "secret")).isFalse();
    assertThat(decide("0.0.0.0", "op", "secret").loginKind()).isEqualTo("password");
    assertThat(home.resolve("dashboard.token")).doesNotExist();
  }

  @Test
  void halfACredentialPairIsARefusal() {
    assertThatThrownBy(() -> decide("127.0.0.1", "op", null))
        .isInstanceOf(DashboardRefusedException.class)
        .hasMessage(
            "HERMES_DASHBOARD_USERNAME and HERMES_DASHBOARD_PASSWORD must be set together (only"
                + " HERMES_DASHBOARD_USERNAME is set)");
    assertThatThrownBy(() -> decide("0.0.0.0", null, "secret"))
        .isInstanceOf(DashboardRefusedException.class);
  }

  @Test
  void anyOtherAddressWithoutCredentialsCreatesThePrivateTokenAndPrintsItOnce() throws IOException {
    AccessPolicy first = decide("0.0.0.0", null, null);
    Path file = home.resolve("dashboard.token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String token = Files.readString(file).strip();
    assertThat(token).hasSizeGreaterThanOrEqualTo(DashboardToken.MIN_LENGTH);
    assertThat(first.loginKind()).isEqualTo("token");
    assertThat(first.login().accepts("", token)).isTrue();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("log in with this token: " + token);

    AccessPolicy second = decide("0.0.0.0", null, null);
    assertThat(second.login().accepts("anyone", token)).isTrue();
    assertThat(log.toString(StandardCharsets.UTF_8).split(token, -1)).as("printed once").hasSize(2);
  }

  @Test
  void aTokenFileOpenToOthersIsARefusal() throws IOException {
    Path file = home.resolve("dashboard.token");
    Files.writeString(file, "x".repeat(43) + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> decide("0.0.0.0", null, null))
        .isInstanceOf(DashboardRefusedException.class)
        .hasMessageStartingWith(
            "refusing to listen on 0.0.0.0 (not a loopback address) without a login: the login"
                + " token file "
                + file
                + " is open to other users (mode rw-r--r--)");
  }

  @Test
  void aTokenFileThatIsEmptyADirectoryOrASymlinkIsARefusal() throws IOException {
    Path file = home.resolve("dashboard.token");
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    assertThatThrownBy(() -> decide("0.0.0.0", null, null))
        .hasMessageContaining("holds no usable token");
    Files.delete(file);
    Files.createDirectory(file);
    assertThatThrownBy(() -> decide("0.0.0.0", null, null))
        .hasMessageContaining("is not a regular file");
    Files.delete(file);
    Path real = Files.writeString(home.resolve("elsewhere"), "y".repeat(43));
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
    Files.createSymbolicLink(file, real);
    assertThatThrownBy(() -> decide("0.0.0.0", null, null))
        .hasMessageContaining("is a symbolic link");
  }

  @Test
  void aTokenFileOverItsCapIsARefusalInOneLine() throws IOException {
    Path file = home.resolve("dashboard.token");
    Files.writeString(file, "z".repeat(5000));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> decide("0.0.0.0", null, null))
        .isInstanceOf(DashboardRefusedException.class)
        .hasMessageContaining("the login token file " + file + " is 4.9 KB; the limit is 4 KB;");
  }

  @Test
  void aTokenThatCannotBeCreatedIsARefusal() throws IOException {
    // HERMES_HOME is a plain file here, so nothing can be created under it (even by root).
    Path notADirectory = Files.writeString(home.resolve("file"), "");
    DashboardSettings s =
        new DashboardSettings(
            "0.0.0.0", 9119, null, null, notADirectory.resolve("dashboard.token"), null);
    assertThatThrownBy(
            () ->
                AccessPolicy.decide(s, InetAddress.getByName("0.0.0.0"), new DashboardLog(7, log)))
        .isInstanceOf(DashboardRefusedException.class)
        .hasMessageContaining("cannot be created");
  }

  @Test
  void theRefusalComesBeforeTheDashboardListens() throws IOException {
    Files.createDirectory(home.resolve("dashboard.token"));
    // Hold a port on loopback: had the dashboard tried to bind it, it would report the port in
    // use (after retrying for seconds) instead of the missing login.
    try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      DashboardSettings s = DashboardSettings.from(Map.of(), home, "0.0.0.0", held.getLocalPort());
      HermesHome hermesHome = new HermesHome(home);
      long started = System.nanoTime();
      assertThatThrownBy(
              () ->
                  Dashboard.start(
                      s,
                      hermesHome,
                      new GatewayControl(
                          FakeServiceManager.local(),
                          hermesHome,
                          Clock.systemUTC(),
                          AuditLog.of(hermesHome, w -> {})),
                      Map.of(),
                      log))
          .isInstanceOf(DashboardRefusedException.class)
          .hasMessageStartingWith("refusing to listen on 0.0.0.0 (not a loopback address)");
      assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }
  }
}

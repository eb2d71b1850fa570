package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.core.HermesException;
import dev.hermes.core.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  @TempDir Path home;

  @Test
  void versionPrintsTheBuildVersion() {
    CliRun r = CliRun.run(home, "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("hermes " + Version.get() + "\n");
    assertThat(Version.get()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void noArgumentsPrintsStatusAndHelpAndSucceeds() {
    CliRun r = CliRun.run(home);
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("HERMES_HOME:    " + home)
        .contains("Usage: hermes")
        .contains("profile");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void statusShowsVersionInstallMethodHomeAndProfileCount() throws IOException {
    Path install = Files.createDirectories(home.resolve("install"));
    Files.writeString(install.resolve(".install_method"), "docker\n");
    CliRun.run(home, "profile", "create", "a", "--port", "9001");

    CliRun r = CliRun.run(home, install, "status");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("hermes " + Version.get())
        .contains("Install method: docker")
        .contains("HERMES_HOME:    " + home)
        .contains("Profiles:       2");
  }

  @Test
  void badNamesFailWithTheExactMessageOnOneLine() {
    CliRun r = CliRun.run(home, "profile", "create", "Bad");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("hermes: error: profile name must match [a-z0-9][a-z0-9_-]*, got 'Bad'\n");
    assertThat(home.resolve("profiles/Bad")).doesNotExist();

    assertThat(CliRun.run(home, "profile", "create", "").err())
        .isEqualTo("hermes: error: profile name must not be empty\n");
    // A bad -p is bad usage of the option: the same message, with the usage hint (see
    // ProfileOptionTest).
    assertThat(CliRun.run(home, "-p", "../x", "profile", "show").err())
        .startsWith("hermes: error: profile name must match [a-z0-9][a-z0-9_-]*, got '../x'\n");
  }

  @Test
  void badUsageExitsTwoWithOneErrorLineAndAHint() {
    CliRun r = CliRun.run(home, "profile", "create", "a", "--port", "abc");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(2).first().asString().startsWith("hermes: error: ");
    assertThat(CliRun.run(home, "no-such-command").code()).isEqualTo(2);
  }

  @Test
  void unknownCommandsAndOptionsSuggestTheClosestKnownOne() {
    CliRun command = CliRun.run(home, "gatway", "status");
    assertThat(command.code()).isEqualTo(Main.USAGE);
    assertThat(command.err())
        .isEqualTo(
            "hermes: error: Unknown command: 'gatway' (did you mean 'gateway'?)\n"
                + "Try 'hermes --help'.\n");
    assertThat(CliRun.run(home, "gateway", "stauts").err())
        .startsWith("hermes: error: Unknown command: 'stauts' (did you mean 'status'?)\n");
    CliRun option = CliRun.run(home, "gateway", "status", "--jsn");
    assertThat(option.code()).isEqualTo(Main.USAGE);
    assertThat(option.err())
        .isEqualTo(
            "hermes: error: Unknown option: '--jsn' (did you mean '--json'?)\n"
                + "Try 'hermes gateway status --help'.\n");
  }

  @Test
  void aServiceManagerThatCannotBeResolvedIsTheOnlyLineStatusPrints() {
    String reason =
        "HERMES_SERVICE_MANAGER must be one of s6, systemd, launchd, windows, none; got 'bogus'";
    for (String[] args : new String[][] {{"status"}, {}}) {
      CliRun r =
          CliRun.run(
              home,
              null,
              home.resolve("no-such-root"),
              c -> {
                throw new HermesException(reason);
              },
              args);
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out()).as("nothing before the error").isEmpty();
      assertThat(r.err()).isEqualTo("hermes: error: " + reason + "\n");
    }
  }

  @Test
  void deleteWithoutYesRefusesAndChangesNothing() {
    CliRun.run(home, "profile", "create", "keep");
    CliRun r = CliRun.run(home, "profile", "delete", "keep");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("without --yes");
    assertThat(home.resolve("profiles/keep/SOUL.md")).exists();

    CliRun deleted = CliRun.run(home, "profile", "delete", "keep", "--yes");
    assertThat(deleted.code()).isZero();
    assertThat(deleted.out()).isEqualTo("✓ Deleted profile 'keep'\n");
    assertThat(home.resolve("profiles/keep")).doesNotExist();
  }

  @Test
  void createWithCloneAndPortThenListAsJson() throws IOException {
    CliRun.run(home, "profile", "create", "src", "--port", "9100");
    Files.writeString(home.resolve("profiles/src/.env"), "KEY=1\n");
    Files.setPosixFilePermissions(
        home.resolve("profiles/src/.env"), PosixFilePermissions.fromString("rw-rw-rw-"));

    CliRun created = CliRun.run(home, "profile", "create", "dst", "--clone", "src");
    assertThat(created.code()).isZero();
    assertThat(created.out())
        .startsWith("✓ Created profile 'dst' at " + home.resolve("profiles/dst"));
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("profiles/dst/.env"))))
        .isEqualTo("rw-------");

    CliRun list = CliRun.run(home, "profile", "list", "--json");
    JsonNode rows = new ObjectMapper().readTree(list.out());
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("name").asText()).isEqualTo("default");
    assertThat(rows.get(1).get("name").asText()).isEqualTo("dst");
    assertThat(rows.get(2).get("port").asInt()).isEqualTo(9100);
    assertThat(rows.get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "name", "dir", "port", "desired", "reported", "config_error", "actual", "reason");
    // No supervisor runs in this test: the words of gateway status say so.
    assertThat(rows.get(0).get("actual").asText()).isEqualTo("not-supervised");
  }

  @Test
  void tableListingShowsEveryProfile() {
    CliRun.run(home, "profile", "create", "a", "--port", "9001");
    CliRun r = CliRun.run(home, "profile", "list");
    assertThat(r.out().lines())
        .containsExactly(
            "PROFILE  PORT  DESIRED  ACTUAL",
            "default  8642  -        not-supervised",
            "a        9001  -        not-supervised");
  }

  @Test
  void theGlobalProfileOptionWorksBeforeOrAfterTheSubcommand() {
    CliRun.run(home, "profile", "create", "coder", "--port", "9002");
    assertThat(CliRun.run(home, "-p", "coder", "profile", "show").out())
        .contains("Port:      9002");
    assertThat(CliRun.run(home, "profile", "show", "-p", "coder").out())
        .contains("Profile:   coder");
    assertThat(CliRun.run(home, "profile", "show", "--profile", "ghost").err())
        .contains("no such profile 'ghost'");
  }

  @Test
  void aCorruptStateFileNeverBreaksACommand() throws IOException {
    CliRun.run(home, "profile", "create", "a");
    Files.writeString(home.resolve("profiles/a/gateway_state.json"), "{\"gateway_st");
    assertThat(CliRun.run(home, "profile", "list").code()).isZero();
    assertThat(CliRun.run(home, "-p", "a", "profile", "show").code()).isZero();
  }
}

package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.HermesException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a second {@code hermes up} says about the one holding the lock. The s6 programs are empty
 * executables here: claiming the lock only checks that they exist, and nothing is started.
 */
class LocalSupervisorTest {
  /** Above any pid the kernel hands out (pid_max is at most 2^22). */
  private static final String DEAD_PID = "999999999\n";

  @TempDir Path tmp;

  private int me;
  private Path tools;
  private Path runDir;

  @BeforeEach
  void setUp() throws IOException {
    me = (Integer) Files.getAttribute(tmp, "unix:uid");
    tools = Files.createDirectories(tmp.resolve("bin"));
    for (String tool : List.of("s6-svscan", "s6-svscanctl", "s6-setsid", "s6-supervise")) {
      Path file = Files.writeString(tools.resolve(tool), "#!/bin/sh\nexit 0\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    runDir = Files.createDirectories(tmp.resolve("home/run"));
    Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void theHolderRecordsItsPidAndRemovesAStaleScannerPid() throws IOException {
    Files.writeString(runDir.resolve("s6-svscan.pid"), DEAD_PID);
    try (LocalSupervisor claimed = claim()) {
      assertThat(Files.readString(runDir.resolve("up.lock")))
          .isEqualTo(ProcessHandle.current().pid() + "\n");
      assertThat(runDir.resolve("s6-svscan.pid")).doesNotExist();
    }
  }

  @Test
  void aSecondHermesUpNamesTheHolderThenItsScanner() throws Exception {
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                UpLockHolderMain.class.getName(),
                tools.toString(),
                runDir.toString(),
                Integer.toString(me))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader said =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(said.readLine()).isEqualTo("claimed");
      String home = runDir.getParent().toString();

      // Starting: the slots are being rebuilt and no s6-svscan runs yet.
      assertThatThrownBy(this::claim)
          .isInstanceOf(HermesException.class)
          .hasMessage(
              "hermes up is already running for "
                  + home
                  + " (hermes up PID "
                  + holder.pid()
                  + "; its s6-svscan is not running): stop it with Ctrl-C in its terminal first");

      // Running: the pid file names a live s6-svscan (a live process stands in for it).
      long scanner = ProcessHandle.current().pid();
      Files.writeString(runDir.resolve("s6-svscan.pid"), scanner + "\n");
      assertThatThrownBy(this::claim)
          .hasMessage(
              "hermes up is already running for "
                  + home
                  + " (s6-svscan PID "
                  + scanner
                  + "): stop it with Ctrl-C in its terminal first");
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    // Released: the next hermes up takes it.
    claim().close();
  }

  @Test
  void pidsOfDeadProcessesAreNotNamed() throws IOException {
    Path pidFile = runDir.resolve("s6-svscan.pid");
    Path lockFile = runDir.resolve("up.lock");
    assertThat(LocalSupervisor.describeHolder(pidFile, lockFile)).isEmpty();
    Files.writeString(pidFile, DEAD_PID);
    Files.writeString(lockFile, DEAD_PID);
    assertThat(LocalSupervisor.describeHolder(pidFile, lockFile)).isEmpty();
    Files.writeString(lockFile, "");
    assertThat(LocalSupervisor.describeHolder(pidFile, lockFile)).isEmpty();
  }

  private LocalSupervisor claim() {
    return LocalSupervisor.claim(
        new S6Tools(tools), new TreeOwnership(me), runDir, runDir.resolve("service"));
  }
}

package dev.hermes.supervision.s6;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real s6-svscan on a temporary scandir, for integration tests: the s6 under test is the one
 * {@code HERMES_S6_BIN_DIR} names (the integration tier runs once on Debian's s6 2.11 and once on
 * s6 2.15), else Debian's in {@code /usr/bin}. Stopped with {@code s6-svscanctl -t} (services
 * brought down cleanly); whatever still lives afterwards is killed by pid, never by name.
 */
final class S6Scanner implements AutoCloseable {
  static final Path BIN = binDir();

  final Path scandir;
  private final Process process;

  private S6Scanner(Path scandir, Process process) {
    this.scandir = scandir;
    this.process = process;
  }

  static boolean available() {
    return Files.isExecutable(BIN.resolve("s6-svscan"));
  }

  private static Path binDir() {
    String configured = System.getenv("HERMES_S6_BIN_DIR");
    return configured == null || configured.isBlank() ? Path.of("/usr/bin") : Path.of(configured);
  }

  /** Starts s6-svscan with HERMES_HOME in its environment, as hermes up and the image do. */
  static S6Scanner start(Path scandir, Path logFile, Path hermesHome) throws IOException {
    return start(scandir, logFile, hermesHome, null);
  }

  /**
   * The same, in the cgroup whose {@code cgroup.procs} is given (null: this one): the scanner joins
   * it before it execs, so every service it starts runs there.
   */
  static S6Scanner start(Path scandir, Path logFile, Path hermesHome, Path cgroupProcs)
      throws IOException {
    Files.createDirectories(scandir);
    List<String> command =
        new java.util.ArrayList<>(
            ScannerCommand.forScandir(new S6Tools(BIN), 2000, scandir.toString()));
    if (cgroupProcs != null) {
      command.addAll(
          0, List.of("sh", "-c", "echo $$ >\"$0\" && exec \"$@\"", cgroupProcs.toString()));
    }
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
    builder.environment().put("HERMES_HOME", hermesHome.toString());
    Process p = builder.start();
    S6Scanner scanner = new S6Scanner(scandir, p);
    // A loop of its own rather than Awaitility: bench/supervision runs this class on the shaded
    // jar's class path, which has no test dependencies.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.exists(scandir.resolve(".s6-svscan/control"))) {
      if (System.nanoTime() > deadline || !p.isAlive()) {
        scanner.close();
        throw new IllegalStateException("s6-svscan did not start on " + scandir);
      }
      sleepBriefly();
    }
    return scanner;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    List<ProcessHandle> tree = process.descendants().toList();
    try {
      new ProcessBuilder(BIN.resolve("s6-svscanctl").toString(), "-t", scandir.toString())
          .start()
          .waitFor(5, TimeUnit.SECONDS);
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
    tree.forEach(ProcessHandle::destroyForcibly);
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

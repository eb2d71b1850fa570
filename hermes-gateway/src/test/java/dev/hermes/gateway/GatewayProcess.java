package dev.hermes.gateway;

import dev.hermes.core.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A gateway in its own JVM, started the way a supervisor would, with its output in files. */
final class GatewayProcess implements AutoCloseable {
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private GatewayProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static List<String> javaCommand(Profile profile, String... extra) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(GatewayMain.class.getName());
    command.add(profile.name());
    command.add(profile.dir().toString());
    command.addAll(List.of(extra));
    return command;
  }

  static GatewayProcess start(Profile profile, Path logs, String... extra) throws IOException {
    return start(new ProcessBuilder(javaCommand(profile, extra)), logs, Map.of());
  }

  /**
   * Starts {@code sh -c 'exec 3>>FILE; exec java ...'} with {@code HERMES_NOTIFY_FD=3}, so the
   * gateway's readiness newline lands in {@code notifyFile}.
   */
  static GatewayProcess startWithNotifyFd(Profile profile, Path logs, Path notifyFile)
      throws IOException {
    StringBuilder script = new StringBuilder("exec 3>" + quote(notifyFile.toString()) + "; exec");
    for (String part : javaCommand(profile)) {
      script.append(' ').append(quote(part));
    }
    return start(
        new ProcessBuilder("sh", "-c", script.toString()),
        logs,
        Map.of(ReadinessNotifier.VARIABLE, "3"));
  }

  private static GatewayProcess start(
      ProcessBuilder builder, Path logs, Map<String, String> environment) throws IOException {
    Files.createDirectories(logs);
    Path out = Files.createTempFile(logs, "gateway-", ".out");
    Path err = Files.createTempFile(logs, "gateway-", ".err");
    builder.environment().remove(ReadinessNotifier.VARIABLE);
    builder.environment().putAll(environment);
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new GatewayProcess(builder.start(), out, err);
  }

  long pid() {
    return process.pid();
  }

  Process process() {
    return process;
  }

  /** Waits up to {@code seconds} for the exit code; fails the test when it does not come. */
  int exitCode(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("gateway did not exit within " + seconds + "s:\n" + output());
    }
    return process.exitValue();
  }

  String stdout() {
    return read(stdout);
  }

  String stderr() {
    return read(stderr);
  }

  String output() {
    return "stdout:\n" + stdout() + "stderr:\n" + stderr();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}

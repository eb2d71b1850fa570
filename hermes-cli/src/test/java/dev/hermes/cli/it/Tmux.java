package dev.hermes.cli.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A tmux server of our own (a private socket, no user configuration) holding one detached session,
 * so a test can type into a real terminal and read the screen back. {@link #close()} kills only
 * this server.
 */
public final class Tmux implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/tmux");

  private final String socket;
  private final Path scratch;
  private final Map<String, String> env;
  private Path socketPath;

  private Tmux(String socket, Path scratch, Map<String, String> env) {
    this.socket = socket;
    this.scratch = scratch;
    this.env = env;
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Starts a server and a {@code width} x {@code height} session running {@code sh} with a known
   * prompt. The server (and so the shell and everything typed into it) gets exactly {@code env}.
   */
  public static Tmux start(Path scratch, Map<String, String> env, int width, int height) {
    String socket = "hermes-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Tmux tmux = new Tmux(socket, scratch, env);
    tmux.run(
        "new-session",
        "-d",
        "-s",
        "main",
        "-x",
        Integer.toString(width),
        "-y",
        Integer.toString(height),
        "env PS1='tmux$ ' sh");
    tmux.socketPath = Path.of(tmux.display("#{socket_path}"));
    tmux.awaitScreen(Duration.ofSeconds(30), s -> s.contains("tmux$"));
    return tmux;
  }

  /** Types keys as tmux names them ({@code Enter}, {@code Down}, {@code C-c}) or literal text. */
  public void send(String... keys) {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "main"));
    args.addAll(List.of(keys));
    run(args.toArray(String[]::new));
  }

  /** The visible screen, one string per line. */
  public String screen() {
    return run("capture-pane", "-p", "-t", "main");
  }

  /** The visible screen with its colours and attributes as escape sequences. */
  public String screenWithAttributes() {
    return run("capture-pane", "-p", "-e", "-t", "main");
  }

  /** A tmux format such as {@code #{alternate_on}}, evaluated for the pane. */
  public String display(String format) {
    return run("display-message", "-p", "-t", "main", format).strip();
  }

  public void resize(int width, int height) {
    run(
        "resize-window",
        "-t",
        "main",
        "-x",
        Integer.toString(width),
        "-y",
        Integer.toString(height));
  }

  /** Polls the screen until it matches; fails with the last screen after the timeout. */
  public String awaitScreen(Duration timeout, Predicate<String> condition) {
    return await("the terminal's screen")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(this::screen, condition);
  }

  private String run(String... args) {
    List<String> command =
        new ArrayList<>(List.of(BINARY.toString(), "-L", socket, "-f", "/dev/null"));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(scratch, "tmux", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("tmux " + String.join(" ", args) + " did not finish");
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      Files.delete(out);
      if (process.exitValue() != 0) {
        throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Kills this server only (its socket is ours alone), with everything still running in it, and
   * removes the socket file, which tmux leaves behind.
   */
  @Override
  public void close() {
    try {
      run("kill-server");
    } catch (AssertionError e) {
      // already gone
    }
    if (socketPath != null) {
      try {
        Files.deleteIfExists(socketPath);
      } catch (IOException e) {
        // a leftover socket file harms nothing
      }
    }
  }
}

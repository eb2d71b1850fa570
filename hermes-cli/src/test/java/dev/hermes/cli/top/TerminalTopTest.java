package dev.hermes.cli.top;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.cli.CliContext;
import dev.hermes.core.ContainerProbe;
import dev.hermes.core.HermesHome;
import dev.hermes.supervision.GatewayBoard;
import dev.hermes.supervision.none.NoServiceManager;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal loop on an in-memory xterm: what it writes on the way in and out, and that every way
 * out (q, Ctrl-C, a terminal that goes away) puts the terminal back.
 */
class TerminalTopTest {
  private static final String ALTERNATE_SCREEN_ON = "\u001b[?1049h";
  private static final String ALTERNATE_SCREEN_OFF = "\u001b[?1049l";
  private static final String CURSOR_SHOWN = "\u001b[?25h";

  @TempDir Path home;

  private PipedOutputStream keys;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private Terminal terminal;

  @BeforeEach
  void terminal() throws IOException {
    PipedInputStream in = new PipedInputStream();
    keys = new PipedOutputStream(in);
    terminal =
        TerminalBuilder.builder()
            .system(false)
            .provider("exec")
            .streams(in, screen)
            .type("xterm")
            .encoding(StandardCharsets.UTF_8)
            .size(Size.of(100, 12))
            .build();
  }

  @AfterEach
  void close() throws IOException {
    terminal.close();
  }

  private CompletableFuture<Void> start() {
    CliContext context =
        new CliContext(
            Map.of(),
            new HermesHome(home),
            null,
            new ContainerProbe(home.resolve("no-such-root")),
            c -> new NoServiceManager());
    GatewayBoard board = TopView.board(context);
    TopController controller = new TopController(board, board.rows());
    return CompletableFuture.runAsync(
        () -> {
          try {
            new TerminalTop(terminal, controller, 50, false).run();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private String written() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  private void awaitOutput(String text) {
    await("output shows " + text)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> written().contains(text));
  }

  private void assertRestored() {
    String out = written();
    assertThat(out).contains(ALTERNATE_SCREEN_ON);
    String tail = out.substring(out.lastIndexOf(ALTERNATE_SCREEN_ON));
    assertThat(tail).contains("PROFILE").contains(CURSOR_SHOWN);
    String last = out.substring(out.lastIndexOf(CURSOR_SHOWN));
    assertThat(last).as("nothing drawn after the restore").contains(ALTERNATE_SCREEN_OFF);
    assertThat(last).doesNotContain("gateway");
    Attributes now = terminal.getAttributes();
    assertThat(now.getLocalFlag(LocalFlag.ICANON)).as("canonical mode back").isTrue();
    assertThat(now.getLocalFlag(LocalFlag.ECHO)).as("echo back").isTrue();
  }

  @Test
  void qQuitsAndPutsTheTerminalBack() throws Exception {
    CompletableFuture<Void> top = start();
    awaitOutput("hermes gateway top · 1 gateway(s), 0 up");
    assertThat(terminal.getAttributes().getLocalFlag(LocalFlag.ICANON)).as("raw mode").isFalse();

    keys.write("jq".getBytes(StandardCharsets.UTF_8));
    keys.flush();

    top.get(30, TimeUnit.SECONDS);
    assertRestored();
  }

  @Test
  void ctrlCQuitsAndPutsTheTerminalBack() throws Exception {
    CompletableFuture<Void> top = start();
    awaitOutput("PROFILE");

    keys.write(3);
    keys.flush();

    top.get(30, TimeUnit.SECONDS);
    assertRestored();
  }

  @Test
  void aTerminalThatGoesAwayStillGetsItsModesBack() throws Exception {
    CompletableFuture<Void> top = start();
    awaitOutput("PROFILE");

    keys.close();

    assertThat(top)
        .failsWithin(30, TimeUnit.SECONDS)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingRootCause()
        .isInstanceOf(EOFException.class);
    assertRestored();
  }

  @Test
  void aResizeRedrawsTheTableToTheNewWidth() throws Exception {
    CompletableFuture<Void> top = start();
    awaitOutput("LAST EXIT");

    terminal.setSize(Size.of(40, 8));
    terminal.raise(Terminal.Signal.WINCH);

    awaitOutput("PROFILE  DESIRED  ACTUAL          PID  …");
    keys.write('q');
    keys.flush();
    top.get(30, TimeUnit.SECONDS);
  }
}

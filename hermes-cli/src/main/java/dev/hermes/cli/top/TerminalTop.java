package dev.hermes.cli.top;

import dev.hermes.core.HermesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Curses;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The terminal side of the view: raw mode and the alternate screen, a redraw every second and on
 * every key or resize, and the terminal put back as it was however the loop ends (quit, Ctrl-C, an
 * exception, or SIGTERM through a shutdown hook).
 */
final class TerminalTop {
  static final long REFRESH_MILLIS = 1000;

  /** How long a key read blocks before the loop looks at resize and quit requests again. */
  private static final long POLL_MILLIS = 100;

  private static final Size FALLBACK = Size.of(80, 24);

  /**
   * JLine reports through java.util.logging, whose default handler writes to stderr, which would
   * land in the middle of the screen. Held in a field: the logging framework keeps loggers only
   * weakly, and a collected logger forgets its level.
   */
  private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

  private final Terminal terminal;
  private final TopController controller;
  private final long refreshMillis;
  private final boolean systemTerminal;
  private final Object screenLock = new Object();
  private volatile boolean quit;
  private volatile boolean resized = true;
  private Attributes saved;
  private String restoreSequence = "";
  private boolean restored;
  private Display display;
  private Size size = FALLBACK;

  /**
   * @param systemTerminal the process's own terminal (stdin/stdout): the terminal is then also put
   *     back by a shutdown hook when the JVM is terminated
   */
  TerminalTop(
      Terminal terminal, TopController controller, long refreshMillis, boolean systemTerminal) {
    this.terminal = terminal;
    this.controller = controller;
    this.refreshMillis = refreshMillis;
    this.systemTerminal = systemTerminal;
  }

  static void runOnSystemTerminal(TopController controller) {
    JLINE_LOG.setLevel(Level.OFF);
    Terminal terminal;
    try {
      // The "exec" provider drives the terminal through stty: it needs neither JLine's native
      // library (the "jni" provider, which unpacks a .so at run time) nor the FFM API ("ffm",
      // Java 22+), and on Java 17 it needs no --add-opens for a terminal on stdin/stdout. So the
      // jar carries jline-terminal alone (jline-native is excluded in the build).
      terminal =
          TerminalBuilder.builder()
              .name("hermes")
              .system(true)
              .provider("exec")
              .dumb(false)
              .nativeSignals(true)
              .build();
    } catch (IOException | IllegalStateException e) {
      throw new HermesException("cannot use this terminal: " + e.getMessage());
    }
    try (terminal) {
      new TerminalTop(terminal, controller, REFRESH_MILLIS, true).run();
    } catch (IOException e) {
      throw new UncheckedIOException("terminal: " + e.getMessage(), e);
    }
  }

  void run() throws IOException {
    Thread restoreOnExit = new Thread(this::restoreAtShutdown, "hermes-top-restore");
    if (systemTerminal) {
      Runtime.getRuntime().addShutdownHook(restoreOnExit);
    }
    try {
      enter();
      loop();
    } finally {
      restore();
      if (systemTerminal) {
        try {
          Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException e) {
          // the JVM is already shutting down and runs the hook, which finds nothing left to do
        }
      }
    }
  }

  /** Raw mode, the alternate screen, keypad keys, no cursor, and our signal handlers. */
  private void enter() {
    synchronized (screenLock) {
      restoreSequence =
          sequence(
              Capability.exit_attribute_mode,
              Capability.keypad_local,
              Capability.cursor_normal,
              Capability.exit_ca_mode);
      saved = terminal.enterRawMode();
      terminal.handle(Terminal.Signal.INT, s -> quit = true);
      terminal.handle(Terminal.Signal.WINCH, s -> resized = true);
      // Ctrl-Z would stop the JVM and leave the shell a raw terminal on the alternate screen.
      terminal.handle(Terminal.Signal.TSTP, s -> {});
      terminal.writer().write(sequence(Capability.enter_ca_mode, Capability.keypad_xmit));
      terminal.writer().write(sequence(Capability.cursor_invisible));
      terminal.flush();
      display = new Display(terminal, true);
    }
  }

  private void loop() throws IOException {
    NonBlockingReader reader = terminal.reader();
    KeyDecoder keys =
        new KeyDecoder(
            timeout -> {
              int c = reader.read(timeout);
              return c == NonBlockingReader.READ_EXPIRED ? KeyDecoder.TIMEOUT : c;
            });
    long nextRefresh = 0;
    boolean dirty = true;
    while (!quit) {
      long now = System.currentTimeMillis();
      if (now >= nextRefresh) {
        if (nextRefresh != 0) {
          controller.refresh();
        }
        nextRefresh = now + refreshMillis;
        dirty = true;
      }
      if (resized) {
        resized = false;
        resize();
        dirty = true;
      }
      if (dirty) {
        draw();
        dirty = false;
      }
      long wait = Math.max(1, Math.min(POLL_MILLIS, nextRefresh - System.currentTimeMillis()));
      Key key = keys.next(wait);
      if (key != null) {
        if (!controller.handle(key)) {
          return;
        }
        dirty = true;
      }
    }
  }

  private void resize() {
    Size current = terminal.getSize();
    size = current.getColumns() > 0 && current.getRows() > 0 ? current : FALLBACK;
    controller.pageSize(TopRenderer.bodyHeight(size.getRows()));
    synchronized (screenLock) {
      display.clear();
      display.resize(size);
    }
  }

  private void draw() {
    int width = size.getColumns();
    List<AttributedString> lines =
        TopRenderer.render(controller.screen(), width, size.getRows()).stream()
            .map(line -> new AttributedString(line.text(), style(line.style())))
            // The renderer counts characters; this cut counts terminal columns (wide characters).
            .map(line -> line.columnLength() > width ? line.columnSubSequence(0, width) : line)
            .toList();
    synchronized (screenLock) {
      if (!restored) {
        display.update(lines, -1);
        terminal.flush();
      }
    }
  }

  /** Idempotent: the loop's finally block and the shutdown hook may both call it. */
  private void restore() {
    synchronized (screenLock) {
      if (restored || saved == null) {
        return;
      }
      restored = true;
      terminal.writer().write(restoreSequence);
      terminal.flush();
      terminal.setAttributes(saved);
    }
  }

  /**
   * SIGTERM or SIGHUP: JLine's own shutdown hook may be closing the terminal at this very moment
   * (hooks run concurrently), so the escape sequences go straight to stdout, which is the terminal,
   * and JLine's hook puts the line settings back.
   */
  private void restoreAtShutdown() {
    synchronized (screenLock) {
      if (restored || saved == null) {
        return;
      }
      restored = true;
      System.out.print(restoreSequence);
      System.out.flush();
      try {
        terminal.setAttributes(saved);
      } catch (RuntimeException | java.io.IOError e) {
        // already closed by JLine, which restored the settings itself
      }
    }
  }

  /** The terminal's escape sequences for these capabilities (empty for ones it lacks). */
  private String sequence(Capability... capabilities) {
    StringBuilder out = new StringBuilder();
    for (Capability capability : capabilities) {
      String template = terminal.getStringCapability(capability);
      if (template != null) {
        Curses.tputs(out, template);
      }
    }
    return out.toString();
  }

  static AttributedStyle style(ScreenLine.Style style) {
    AttributedStyle plain = AttributedStyle.DEFAULT;
    return switch (style) {
      case TITLE -> plain.bold();
      case HEADER -> plain.bold().underline();
      case SELECTED -> plain.inverse();
      case FAILED -> plain.foreground(AttributedStyle.RED).bold();
      case SELECTED_FAILED -> plain.foreground(AttributedStyle.RED).bold().inverse();
      case MESSAGE -> plain.foreground(AttributedStyle.GREEN);
      case ERROR -> plain.foreground(AttributedStyle.RED).bold();
      case HELP -> plain.faint();
      case ROW, LOG -> plain;
    };
  }
}

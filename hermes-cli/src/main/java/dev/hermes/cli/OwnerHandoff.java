package dev.hermes.cli;

import dev.hermes.core.EnvFlags;
import dev.hermes.core.HermesException;
import dev.hermes.core.ProcessUser;
import dev.hermes.core.SignalTrap;
import dev.hermes.supervision.ProcessCommandRunner;
import dev.hermes.supervision.handoff.HomeOwner;
import dev.hermes.supervision.handoff.OwnerLaunch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Root never acts on a HERMES_HOME that another user owns: whatever is in it (slot scripts, {@code
 * .env} values, config) is that user's to write, so root running it would run the owner's code as
 * root, and files root created there would be root's, which the owner could not replace. Instead
 * the command runs again as the owner ({@link OwnerLaunch}), in a child this process waits for and
 * forwards SIGTERM, SIGINT and SIGHUP to; its exit code is this one's.
 *
 * <p>Every command does this. The one exception is the image's explicit opt-out, {@code
 * HERMES_DOCKER_EXEC_AS_ROOT=1} (its {@code hermes} shim otherwise runs a root {@code docker exec}
 * as the runtime user before hermes starts): it keeps root for every command but {@code hermes up},
 * which never runs a tree of the owner's scripts as root.
 */
final class OwnerHandoff {
  static final String KEEP_ROOT = "HERMES_DOCKER_EXEC_AS_ROOT";

  private OwnerHandoff() {}

  static boolean applies(CliContext context, CliCommand command) {
    if (!ProcessUser.isRoot()) {
      return false;
    }
    if (!(command instanceof UpCommand) && EnvFlags.truthy(context.env().get(KEEP_ROOT))) {
      return false;
    }
    return HomeOwner.uidOf(context.home().root()) != ProcessUser.ROOT;
  }

  static int run(CliContext context, CliCommand command, String[] args, PrintWriter err)
      throws InterruptedException {
    HomeOwner owner = HomeOwner.of(context.home().root(), new ProcessCommandRunner());
    boolean up = command instanceof UpCommand;
    if (!Files.isExecutable(OwnerLaunch.userSwitch(context.env()))) {
      throw new HermesException(
          "HERMES_HOME "
              + context.home()
              + " belongs to "
              + owner.describe()
              + ", and root runs nothing there as root; without s6-setuidgid (apt-get install s6,"
              + " or set HERMES_S6_BIN_DIR) it cannot switch to that user: run the command as "
              + owner.account()
              + " instead");
    }
    OwnerLaunch launch =
        OwnerLaunch.of(owner, context.home().root(), hermes(context), List.of(args), context.env());
    String as = owner.name() != null ? owner.name() : owner.describe();
    err.println(
        (up ? "hermes up" : "hermes")
            + ": HERMES_HOME belongs to "
            + owner.describe()
            + "; running "
            + (up ? "the supervision tree" : "this command")
            + " as "
            + as);
    err.flush();
    ProcessBuilder builder = new ProcessBuilder(launch.command()).inheritIO();
    builder.environment().clear();
    builder.environment().putAll(launch.environment());
    Process child;
    try {
      child = builder.start();
    } catch (IOException e) {
      throw new HermesException("could not run hermes as " + as + ": " + e.getMessage());
    }
    Consumer<String> forward = signal -> forward(signal, child);
    Consumer<String> warn = warning -> err.println("hermes: warning: " + warning);
    try (SignalTrap trap =
        up
            ? SignalTrap.installStopping(
                SignalTrap.TERMINAL_SESSION,
                forward,
                warn,
                notice -> err.println("hermes: " + notice))
            : SignalTrap.install(SignalTrap.TERMINAL_SESSION, forward, warn)) {
      return child.waitFor();
    } finally {
      err.flush();
    }
  }

  /** This install's launcher, else the JVM and class path this process runs on. */
  private static List<String> hermes(CliContext context) {
    if (context.installDir() != null) {
      Path launcher = context.installDir().resolve("bin").resolve("hermes");
      if (Files.isExecutable(launcher)) {
        return List.of(launcher.toString());
      }
    }
    List<String> java = new ArrayList<>();
    java.add(ProcessHandle.current().info().command().orElse("java"));
    java.add("-cp");
    java.add(System.getProperty("java.class.path"));
    java.add(Main.class.getName());
    return java;
  }

  /** The same signal to the child: {@code kill -s NAME PID}, a pid this process started. */
  private static void forward(String signal, Process child) {
    long pid = child.pid();
    if (pid <= 1 || !child.isAlive()) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      child.destroy();
    }
  }
}

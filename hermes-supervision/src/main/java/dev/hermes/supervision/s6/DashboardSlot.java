package dev.hermes.supervision.s6;

import static dev.hermes.supervision.s6.ShellQuoting.quote;

import dev.hermes.core.FileTrees;
import dev.hermes.core.HermesException;
import dev.hermes.core.OwnFiles;
import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.CommandRunner;
import dev.hermes.supervision.GatewayCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code dashboard} service directory beside the gateway slots in {@code hermes up}'s scandir:
 * s6 runs {@code hermes dashboard} and restarts it when it dies. A disabled dashboard still has its
 * slot, with a {@code down} file, so {@code s6-svstat} reports it down instead of a stand-in
 * process reporting a fake "up". Its name does not start with {@code gateway-}, so it is never
 * listed, reconciled or counted as a profile gateway.
 *
 * <p>Credentials are never written into the slot: the dashboard reads them from the environment it
 * inherits from {@code hermes up} through s6-svscan.
 */
public final class DashboardSlot {
  public static final String NAME = "dashboard";

  /** The dashboard's exit code for a configuration it refuses to run with. */
  public static final int REFUSED_EXIT_CODE = 78;

  /**
   * Names the file (in the slot) where a refusing dashboard writes why, so that status, doctor and
   * hermes up can say what holds it down; ./run removes it at every start.
   */
  public static final String REFUSAL_FILE_VARIABLE = "HERMES_REFUSAL_FILE";

  static final String HOLD_FILE = "hermes-failure";

  private final SlotSpec spec;
  private final Path scandir;

  public DashboardSlot(SlotSpec spec, Path scandir) {
    this.spec = spec;
    this.scandir = scandir;
  }

  public Path directory() {
    return scandir.resolve(NAME);
  }

  /**
   * Why s6 holds the dashboard down, when it refused its configuration (its port taken, no login on
   * a public address…): the line it wrote before exiting {@value #REFUSED_EXIT_CODE}.
   */
  public Optional<String> holdReason() {
    return holdReason(scandir);
  }

  /** {@link #holdReason()} for the dashboard slot in {@code scandir}. */
  public static Optional<String> holdReason(Path scandir) {
    Path file = scandir.resolve(NAME).resolve(HOLD_FILE);
    try {
      String text = OwnFiles.readText(file, OwnFiles.LINE_LIMIT).strip();
      return Optional.of(text.isEmpty() ? "it refused its configuration" : text);
    } catch (IOException | HermesException e) {
      return Optional.empty();
    }
  }

  /** True when the slot carries a {@code down} file: HERMES_DASHBOARD turned it off. */
  public boolean disabled() {
    return Files.exists(directory().resolve("down"), LinkOption.NOFOLLOW_LINKS);
  }

  /** Clears a hold and asks s6 to start the dashboard (under a running hermes up). */
  public void start(CommandRunner runner) {
    try {
      Files.deleteIfExists(directory().resolve(HOLD_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("could not clear " + directory().resolve(HOLD_FILE), e);
    }
    CommandResult result = runner.run(spec.tools().tool("s6-svc"), "-u", directory().toString());
    if (!result.ok()) {
      throw GatewayCommands.failed("s6-svc", "-u", NAME, result);
    }
  }

  /** True when s6 reports the dashboard up and ready (it signals readiness once it listens). */
  public boolean ready(CommandRunner runner) {
    CommandResult result =
        runner.run(spec.tools().tool("s6-svstat"), "-o", "up,ready", directory().toString());
    return result.ok() && result.stdout().strip().equals("true true");
  }

  /**
   * (Re)writes the slot; only while no s6-svscan watches the scandir ({@code hermes up} does it
   * before starting its scanner).
   */
  public void write(String host, int port, boolean enabled) {
    Path slot = directory();
    Path aside = null;
    if (Files.exists(slot, LinkOption.NOFOLLOW_LINKS)) {
      aside = scandir.resolve("." + NAME + ".old-" + UUID.randomUUID());
      try {
        Files.move(slot, aside);
      } catch (IOException e) {
        throw new UncheckedIOException("could not replace " + slot + ": " + e.getMessage(), e);
      }
    }
    SlotFiles.publish(scandir, NAME, render(host, port, enabled));
    if (aside != null) {
      FileTrees.deleteQuietly(aside);
    }
  }

  /** File path (relative to the slot) → content. */
  public Map<String, String> render(String host, int port, boolean enabled) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("run", run(host, port));
    files.put("finish", finish());
    files.put("notification-fd", SlotRenderer.NOTIFICATION_FD + "\n");
    files.put("log/run", logRun());
    if (!enabled) {
      files.put("down", "");
    }
    return files;
  }

  String run(String host, int port) {
    StringBuilder s = new StringBuilder();
    s.append("#!/bin/sh\n");
    s.append("# dashboard: the hermes dashboard (web page and JSON API over every gateway).\n");
    s.append("# Who runs it: s6-supervise, as the owner of the gateway scandir.\n");
    s.append("# Why: runs the dashboard in the foreground so s6 restarts it when it dies.\n");
    s.append("# Generated by hermes up at every start. No credential is written here: the\n");
    s.append("# dashboard reads HERMES_DASHBOARD_USERNAME/PASSWORD from the environment that\n");
    s.append("# hermes up passes down through s6-svscan.\n");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HERMES_HOME", spec.hermesHome().toString());
    env.put("HOME", spec.home());
    env.put("HERMES_NOTIFY_FD", SlotRenderer.NOTIFICATION_FD);
    // The dashboard must control the scanner it runs under, even before hermes up has published
    // the scanner's pid (which is what detection would otherwise look for).
    env.put("HERMES_SERVICE_MANAGER", "s6");
    env.put(S6Backends.SCANDIR_VARIABLE, scandir.toString());
    env.put(REFUSAL_FILE_VARIABLE, directory().resolve(HOLD_FILE).toString());
    spec.extraEnv().forEach((k, v) -> env.putIfAbsent(ShellQuoting.variableName(k), v));
    env.forEach(
        (k, v) ->
            s.append(k).append('=').append(quote(v)).append("\nexport ").append(k).append('\n'));
    s.append("rm -f " + HOLD_FILE + "\n");
    s.append("exec 2>&1\n");
    List<String> argv = new ArrayList<>(spec.hermesCommand());
    argv.addAll(List.of("dashboard", "--host", host, "--port", Integer.toString(port)));
    s.append("exec ").append(ShellQuoting.words(argv)).append('\n');
    return s.toString();
  }

  static String finish() {
    return "#!/bin/sh\n"
        + "# dashboard/finish: runs after every exit of ./run (exit code in $1).\n"
        + "# Who runs it: s6-supervise, as the owner of the gateway scandir.\n"
        + "# Why: exit "
        + REFUSED_EXIT_CODE
        + " means the dashboard refused its configuration (no login available on\n"
        + "# a non-loopback address, a bad address, its port taken): a restart would fail the\n"
        + "# same way, so exit 125 keeps it down until 'hermes dashboard start' or the next\n"
        + "# hermes up. The dashboard wrote why into hermes-failure (a generic line if not).\n"
        + "# Any other exit is restarted by s6 (at once when the dashboard had signalled\n"
        + "# readiness, else after s6's one-second pause).\n"
        + "if [ \"${1:-0}\" = "
        + REFUSED_EXIT_CODE
        + " ]; then\n"
        + "  [ -s "
        + HOLD_FILE
        + " ] || echo 'it refused its configuration (see logs/dashboard/current)' >"
        + HOLD_FILE
        + "\n"
        + "  echo 'dashboard/finish: warning: the dashboard refused its configuration;"
        + " holding it down' >&2\n"
        + "  exit 125\n"
        + "fi\n"
        + "exit 0\n";
  }

  String logRun() {
    return "#!/bin/sh\n"
        + "# dashboard/log: persists the dashboard's output.\n"
        + "# Who runs it: s6-supervise, as the owner of the gateway scandir.\n"
        + "# Why: keeps 10 files of 1 MB with timestamps under $HERMES_HOME/logs/dashboard and\n"
        + "# copies every line to stdout. HERMES_HOME is expanded at run time.\n"
        + ": \"${HERMES_HOME:?HERMES_HOME is not set}\"\n"
        + "dir=\"$HERMES_HOME/logs/dashboard\"\n"
        + "mkdir -p \"$dir\" || exit 1\n"
        + "exec "
        + quote(spec.tools().tool("s6-log"))
        + " -b -- n10 s1000000 T \"$dir\" 1\n";
  }
}

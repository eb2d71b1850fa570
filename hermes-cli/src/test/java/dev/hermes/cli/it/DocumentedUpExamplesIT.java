package dev.hermes.cli.it;

import static dev.hermes.cli.DocumentedExamples.CHECK_UP;
import static dev.hermes.cli.DocumentedExamples.cliReference;
import static dev.hermes.cli.DocumentedExamples.examples;
import static dev.hermes.cli.DocumentedExamples.lines;
import static dev.hermes.cli.DocumentedExamples.list;
import static dev.hermes.cli.DocumentedExamples.matchesAll;
import static dev.hermes.cli.DocumentedExamples.matchesPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.cli.DocumentedExamples.Example;
import dev.hermes.cli.DocumentedExamples.Step;
import dev.hermes.testing.Required;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs tell the truth about a real supervisor: every example in docs/cli.md marked {@code <!--
 * check-up: … -->} is run with the built {@code bin/hermes} against one real {@code hermes up} on
 * s6 (with its dashboard), and its output compared with what the page quotes, the way {@code
 * DocumentedExamplesTest} compares the {@code check:} ones ({@code ~/.hermes} is the HERMES_HOME of
 * that {@code hermes up}, {@code …} any text, runs of spaces one).
 *
 * <p>A command still running once it has printed what the page quotes (one that serves until
 * stopped, such as a {@code gateway run} that handed over to s6) gets SIGTERM, and its exit code is
 * the one it exits with then.
 *
 * <p>The marker sets the scene, as {@code key=value} words, on the one HERMES_HOME all examples
 * share, so no two examples may name the same profile:
 *
 * <ul>
 *   <li>{@code home=own}: a HERMES_HOME of the example's own instead, where no {@code hermes up}
 *       runs (for an example that starts one)
 *   <li>{@code output=part}: the block quotes part of what each command prints: its lines in a row,
 *       anywhere in the output
 *   <li>{@code profiles=a,b}: profiles created ({@code hermes profile create}) before the example,
 *       registered with s6 and down
 *   <li>{@code up=a}: started and ready ({@code gateway start --wait}) before the example
 *   <li>{@code not-registered=a}: created without a supervisor, so s6 has no slot for it
 *   <li>{@code foreground=a}: its gateway running in the foreground ({@code gateway run
 *       --no-supervise}) during the example, stopped after it
 * </ul>
 */
class DocumentedUpExamplesIT {
  private static final Duration READY = Duration.ofSeconds(60);
  private static final Duration STEP = Duration.ofSeconds(60);

  @TempDir static Path sharedHome;
  @TempDir static Path scratch;

  private static HermesCli shared;
  private static HermesUp up;

  @BeforeAll
  static void startHermesUp() throws IOException {
    Required.engine(S6UnderTest.installed(), S6UnderTest.MISSING);
    // A private port range keeps parallel runs and other services out of the way.
    int base = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    Files.writeString(
        sharedHome.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 99) + "\"\n");
    shared =
        new HermesCli(sharedHome, scratch)
            .env("HERMES_DASHBOARD_PORT", Integer.toString(freePort()));
    up = HermesUp.start(shared, scratch.resolve("up.log"));
    shared.awaitGateway("default", READY, HermesCli::ready);
  }

  @AfterAll
  static void stopHermesUp() {
    if (up != null) {
      up.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExampleCheckedAgainstARealHermesUp() {
    List<Example> examples = examples(cliReference(), CHECK_UP);
    assertThat(examples).isNotEmpty();
    Set<String> names = new HashSet<>();
    for (Example example : examples) {
      if (ownHome(example)) {
        continue;
      }
      for (String key : List.of("profiles", "not-registered")) {
        for (String profile : list(example.setup().get(key))) {
          assertThat(names.add(profile))
              .as("docs/cli.md:%d: profile '%s' is another example's too", example.line(), profile)
              .isTrue();
        }
      }
    }
    return examples.stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    "docs/cli.md:"
                        + example.line()
                        + " "
                        + String.join(" ", example.steps().get(0).args()),
                    () -> run(example)));
  }

  private static boolean ownHome(Example example) {
    return "own".equals(example.setup().get("home"));
  }

  private static void run(Example example) throws IOException {
    Map<String, String> setup = example.setup();
    HermesCli cli = ownHome(example) ? ownHome() : shared;
    boolean part = "part".equals(setup.get("output"));
    for (String profile : list(setup.get("profiles"))) {
      cli.ok("profile", "create", profile);
    }
    for (String profile : list(setup.get("not-registered"))) {
      HermesCli unsupervised =
          new HermesCli(cli.home(), scratch).env("HERMES_SERVICE_MANAGER", "none");
      unsupervised.ok("profile", "create", profile);
    }
    for (String profile : list(setup.get("up"))) {
      cli.ok("-p", profile, "gateway", "start", "--wait");
    }
    List<Process> foreground = new ArrayList<>();
    try {
      for (String profile : list(setup.get("foreground"))) {
        foreground.add(runInTheForeground(cli, profile));
      }
      for (Step step : example.steps()) {
        check(cli, step, part);
      }
    } finally {
      for (Process process : foreground) {
        stop(process);
      }
    }
  }

  /** {@code gateway run --no-supervise}, once its gateway holds the profile (its pid file). */
  private static Process runInTheForeground(HermesCli cli, String profile) throws IOException {
    Path log = scratch.resolve("foreground-" + profile + ".log");
    Process process =
        cli.builder("-p", profile, "gateway", "run", "--no-supervise")
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Path pidFile = cli.home().resolve("profiles").resolve(profile).resolve("gateway.pid");
    try {
      await("gateway-" + profile + " in the foreground")
          .atMost(READY)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                assertThat(process.isAlive()).as(() -> read(log)).isTrue();
                return Files.isRegularFile(pidFile)
                    && read(pidFile).trim().equals(Long.toString(process.pid()));
              });
    } catch (RuntimeException | AssertionError e) {
      stop(process);
      throw e;
    }
    return process;
  }

  /** A fresh HERMES_HOME, with a private port range and a free port for its dashboard. */
  private static HermesCli ownHome() throws IOException {
    Path own = Files.createTempDirectory(scratch, "home");
    int base = 20000 + ThreadLocalRandom.current().nextInt(400) * 100;
    Files.writeString(
        own.resolve("config.yaml"),
        "gateway:\n  port_range: \"" + base + "-" + (base + 99) + "\"\n");
    return new HermesCli(own, scratch).env("HERMES_DASHBOARD_PORT", Integer.toString(freePort()));
  }

  private static void check(HermesCli cli, Step step, boolean part) throws IOException {
    Path home = cli.home();
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    ProcessBuilder builder = cli.builder(step.args().toArray(String[]::new));
    builder.environment().putAll(step.env());
    Process process =
        builder
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    String where = "docs/cli.md:" + step.line() + ": hermes " + String.join(" ", step.args());
    try {
      // Until it ends, or, still running, has printed what the page says: then it is stopped.
      // Still running without it after the bound: stopped too, and the comparison below says how
      // the output differs.
      try {
        await(where)
            .atMost(STEP)
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    !process.isAlive()
                        || (!step.out().isEmpty()
                            && (part
                                ? matchesPart(step.out(), printed(out, err), home)
                                : matchesAll(step.out(), printed(out, err), home))));
      } catch (ConditionTimeoutException e) {
        process.destroy();
      }
      // One that is about to end by itself after its last line is given the time to.
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroy();
      }
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s: ends on SIGTERM", where).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      // What it started (a hermes up's supervision tree) goes with it.
      List<ProcessHandle> started = process.descendants().toList();
      stop(process);
      started.stream().filter(p -> p.pid() > 1 && p.isAlive()).forEach(ProcessHandle::destroy);
    }
    List<String> actual = printed(out, err);
    assertThat(part ? matchesPart(step.out(), actual, home) : matchesAll(step.out(), actual, home))
        .as(
            "%s printed%n%s%nbut the page says%n%s",
            where, String.join("\n", actual), String.join("\n", step.out()))
        .isTrue();
    assertThat(process.exitValue())
        .as("%s: exit code (stderr: %s)", where, read(err))
        .isEqualTo(step.code());
  }

  /** stdout, then stderr. */
  private static List<String> printed(Path out, Path err) {
    List<String> lines = new ArrayList<>(lines(read(out)));
    lines.addAll(lines(read(err)));
    return lines;
  }

  /** Ends a process this test started, by its pid, SIGTERM first. */
  private static void stop(Process process) {
    if (process.pid() <= 1 || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}

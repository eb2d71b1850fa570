package dev.hermes.cli;

import static dev.hermes.cli.DocumentedExamples.CHECK;
import static dev.hermes.cli.DocumentedExamples.cliReference;
import static dev.hermes.cli.DocumentedExamples.examples;
import static dev.hermes.cli.DocumentedExamples.lines;
import static dev.hermes.cli.DocumentedExamples.list;
import static dev.hermes.cli.DocumentedExamples.matches;
import static dev.hermes.cli.DocumentedExamples.matchesAll;
import static dev.hermes.cli.DocumentedExamples.unchecked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hermes.cli.DocumentedExamples.Example;
import dev.hermes.cli.DocumentedExamples.Step;
import dev.hermes.core.FileTrees;
import dev.hermes.core.HermesHome;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.none.NoServiceManager;
import dev.hermes.supervision.resolve.ServiceManagerResolver;
import dev.hermes.supervision.testing.FakeServiceManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs tell the truth: every example in docs/cli.md marked {@code <!-- check: … -->} is run, in
 * process, in a fresh HERMES_HOME, and its output compared with what the page quotes.
 *
 * <p>An example is a fenced block right after the marker. Each {@code $ hermes …} line is a command
 * (leading {@code NAME=value} words go into its environment); the lines up to the next command are
 * what it prints, stdout then stderr, and a last line {@code exit N} is its exit code (none: 0). In
 * the expected lines {@code ~/.hermes} stands for the HERMES_HOME the example runs in and {@code …}
 * for any text; runs of spaces count as one, so tables need not be aligned to the byte.
 *
 * <p>The marker sets the scene, as {@code key=value} words:
 *
 * <ul>
 *   <li>{@code manager=}: {@code none} (the default: s6 is installed but no {@code hermes up} runs
 *       for this HERMES_HOME), {@code foreground} (no supervisor on the host at all), {@code s6} (a
 *       running {@code hermes up}, faked), {@code systemd} (user units, faked), {@code resolve}
 *       (detection, as the real command does it, with the marker's {@code env})
 *   <li>{@code profiles=a,b}: profiles created before the example, ports 8643, 8644, … (the default
 *       profile has 8642)
 *   <li>{@code up=a,b}, {@code starting=a}, {@code down=a}: the fake supervisor's view of them
 *   <li>{@code crash-loop=a}, {@code fatal=a}: held down, and held again at every start
 *   <li>{@code crashing=a}: ends again after every start, the supervisor restarting it after 3 s
 *   <li>{@code slow=a}: still starting (not ready) after a start, still stopping after a stop
 *   <li>{@code refusing=a}: the supervisor refuses every action on it
 *   <li>{@code not-registered=a}: a profile the supervisor has no slot, unit or task for
 *   <li>{@code foreground=a}: its gateway runs in the foreground ({@code gateway run}), pid alive
 *   <li>{@code running=a,b}, {@code stopped=a}: the recorded {@code desired_state}
 *   <li>{@code base-port=N}: the default profile's port instead of 8642, the others' above it
 *   <li>{@code port-range=A-B}: the default profile's {@code gateway.port_range}
 *   <li>{@code config-version=0}: the default profile's config.yaml predates versioning
 *   <li>{@code env-link=a}: its {@code .env} a symbolic link; {@code big-config=a}: its config.yaml
 *       300 KB, over the cap
 *   <li>{@code model=P:URL,…}: the profile's {@code model.base_url} (and a {@code model.name})
 *   <li>{@code env=NAME=value,…}: the environment of every command
 * </ul>
 *
 * <p>What only a real supervisor shows is marked {@code <!-- check-up: … -->} instead and run by
 * {@code DocumentedUpExamplesIT} against a real {@code hermes up}; the parsing and matching are
 * {@link DocumentedExamples}, shared by both.
 */
class DocumentedExamplesTest {
  static final String CRASH_LOOP = "crash loop (5 exits in 41s, last: exit 1)";
  static final String FATAL =
      "fatal configuration: port 8643 on 127.0.0.1 is in use by another program";

  @TestFactory
  Stream<DynamicTest> everyCheckedExampleInTheCliReference() {
    List<Example> examples = examples(cliReference(), CHECK);
    assertThat(examples).hasSizeGreaterThan(20);
    return examples.stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    "docs/cli.md:" + example.line() + " " + String.join(" ", first(example)),
                    () -> run(example)));
  }

  /** An example nobody checks drifts: every block that shows a hermes command has a marker. */
  @Test
  void everyCommandExampleOfTheCliReferenceIsChecked() {
    assertThat(unchecked(cliReference()))
        .as("examples without a <!-- check: --> or <!-- check-up: --> marker")
        .isEmpty();
  }

  @Test
  void theMatcherTakesPlaceholdersAndSpacingIntoAccount(@TempDir Path home) {
    assertThat(matches("PROFILE  DESIRED   ACTUAL", "PROFILE DESIRED ACTUAL", home)).isTrue();
    assertThat(matches("HERMES_HOME: ~/.hermes", "HERMES_HOME: " + home, home)).isTrue();
    assertThat(matches("a … c", "a anything at all c", home)).isTrue();
    assertThat(matches("a (b) [c]", "a (b) [c]", home)).isTrue();
    assertThat(matches("exit 1", "exit 12", home)).isFalse();
  }

  private static List<String> first(Example example) {
    return example.steps().get(0).args();
  }

  private static void run(Example example) throws IOException {
    Path home = Files.createTempDirectory("hermes-doc-example");
    try {
      Scene scene = new Scene(home, example.setup());
      for (Step step : example.steps()) {
        // A command that no longer refuses would serve forever (dashboard, gateway run): bounded.
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> scene.run(step));
        List<String> actual = new ArrayList<>(lines(r.out()));
        actual.addAll(lines(r.err()));
        String where = "docs/cli.md:" + step.line() + ": hermes " + String.join(" ", step.args());
        assertThat(matchesAll(step.out(), actual, home))
            .as(
                "%s printed%n%s%nbut the page says%n%s",
                where, String.join("\n", actual), String.join("\n", step.out()))
            .isTrue();
        assertThat(r.code())
            .as("%s: exit code (stderr: %s)", where, r.err())
            .isEqualTo(step.code());
      }
    } finally {
      FileTrees.deleteQuietly(home);
    }
  }

  /** The profiles, the recorded wishes and the supervisor's view the marker names. */
  private static final class Scene {
    private final Path home;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Function<CliContext, ServiceManager> managers;

    Scene(Path home, Map<String, String> setup) throws IOException {
      this.home = home;
      for (String pair : list(setup.get("env"))) {
        int eq = pair.indexOf('=');
        env.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      // The default profile's port fixed, so no port depends on what this machine has bound.
      String range = setup.get("port-range");
      int port = Integer.parseInt(setup.getOrDefault("base-port", "8642"));
      Files.writeString(
          home.resolve("config.yaml"),
          (setup.getOrDefault("config-version", "1").equals("0") ? "" : "config_version: 1\n")
              + "gateway:\n  port: "
              + port
              + "\n"
              + (range == null ? "" : "  port_range: " + range + "\n"));
      for (String profile : list(setup.get("profiles"))) {
        CliRun created =
            CliRun.run(home, "profile", "create", profile, "--port", Integer.toString(++port));
        assertThat(created.code()).as(created.err()).isZero();
      }
      HermesHome hermesHome = new HermesHome(home);
      for (String profile : list(setup.get("env-link"))) {
        Path env = hermesHome.profile(profile).envFile();
        Files.delete(env);
        Files.createSymbolicLink(env, home.resolve("elsewhere.env"));
      }
      for (String profile : list(setup.get("big-config"))) {
        Path config = hermesHome.profile(profile).configFile();
        Files.writeString(config, Files.readString(config) + "#".repeat(300 * 1024) + "\n");
      }
      for (String model : list(setup.get("model"))) {
        int colon = model.indexOf(':');
        Path config = hermesHome.profile(model.substring(0, colon)).configFile();
        Files.writeString(
            config,
            Files.readString(config)
                + "model:\n  base_url: "
                + model.substring(colon + 1)
                + "\n  name: local-model\n");
      }
      for (String desired : List.of("running", "stopped")) {
        for (String profile : list(setup.get(desired))) {
          hermesHome.profile(profile).state().merge(Map.of("desired_state", desired));
        }
      }
      for (String profile : list(setup.get("foreground"))) {
        // As 'hermes gateway run' leaves it: its state, its pid file, and a live process (this
        // one).
        long pid = ProcessHandle.current().pid();
        hermesHome
            .profile(profile)
            .state()
            .merge(
                Map.of(
                    "gateway_state",
                    "running",
                    "pid",
                    pid,
                    "start_time",
                    java.time.Instant.now().minusSeconds(90).toString()));
        Files.writeString(hermesHome.profile(profile).pidFile(), pid + "\n");
      }
      for (String held : List.of("crash-loop", "fatal")) {
        for (String profile : list(setup.get(held))) {
          // As the finish script's record-failure leaves a hold.
          hermesHome
              .profile(profile)
              .state()
              .merge(
                  Map.of(
                      "gateway_state",
                      "startup_failed",
                      "exit_reason",
                      held.equals("fatal") ? FATAL : CRASH_LOOP));
        }
      }
      for (String profile : list(setup.get("crashing"))) {
        // What the gateway wrote about itself before it crashed.
        hermesHome.profile(profile).state().merge(Map.of("gateway_state", "starting"));
      }
      String manager = setup.getOrDefault("manager", "none");
      managers =
          switch (manager) {
            case "none" -> c -> NoServiceManager.withoutHermesUp(home);
            case "foreground" -> c -> new NoServiceManager();
            case "resolve" ->
                c -> ServiceManagerResolver.standard().resolve(c.supervisionEnvironment());
            case "s6" ->
                fake(
                    setup,
                    new FakeServiceManager(
                        ServiceManagerKind.S6,
                        "s6 (hermes up, " + home.resolve("run/service") + ")"));
            case "systemd" ->
                fake(
                    setup,
                    new FakeServiceManager(ServiceManagerKind.SYSTEMD, "systemd (user units)"));
            default -> throw new IllegalArgumentException("manager=" + manager);
          };
    }

    private static Function<CliContext, ServiceManager> fake(
        Map<String, String> setup, FakeServiceManager fake) {
      fake.acceptLifecycle();
      list(setup.get("up")).forEach(fake::up);
      list(setup.get("starting")).forEach(fake::starting);
      list(setup.get("down")).forEach(fake::down);
      list(setup.get("crash-loop")).forEach(p -> fake.keepsFailing(p, CRASH_LOOP));
      list(setup.get("fatal")).forEach(p -> fake.keepsFailing(p, FATAL));
      list(setup.get("crashing")).forEach(p -> DocumentedScenes.keepsCrashing(fake, p));
      list(setup.get("slow")).forEach(p -> DocumentedScenes.slow(fake, p));
      fake.acceptLifecycle(list(setup.get("refusing")).toArray(String[]::new));
      list(setup.get("not-registered")).forEach(fake::notRegistered);
      return c -> fake;
    }

    CliRun run(Step step) {
      Map<String, String> environment = new LinkedHashMap<>(env);
      environment.putAll(step.env());
      return CliRun.run(
          environment,
          home,
          null,
          home.resolve("no-such-root"),
          managers,
          step.args().toArray(String[]::new));
    }
  }
}

package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every container scenario needs: containers of the image under test on the Docker engine
 * (removed after each test), the image's idle main program, hermes run through {@code docker exec}
 * as the hermes user, and polling for gateway states.
 */
abstract class ContainerTest {
  /** A main program that waits; {@link #awaitMainProgram} finds it among the processes. */
  static final List<String> IDLE = List.of("sleep", "1000000");

  static final Duration BOOT = Duration.ofMinutes(2);
  static final String HERMES_UID = "10000";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path scratch;
  private final List<Container> containers = new ArrayList<>();

  @BeforeEach
  void dockerEngine() {
    Docker.require();
  }

  @AfterEach
  void removeContainers() {
    containers.forEach(Container::close);
  }

  /** A container's run to its end: exit code, stdout and stderr apart. */
  record Outcome(int code, String out, String err) {
    /** Both streams, for messages. */
    String output() {
      return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  Container container(RunOptions options, List<String> args) {
    return container(null, options, args);
  }

  /**
   * A container on the volume {@code data} (null: a new one of its own): with the volume of an
   * earlier container, it is that container re-created.
   */
  Container container(Path data, RunOptions options, List<String> args) {
    Path dir = scratch.resolve("c" + containers.size());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Container container =
        Container.create(dir, data == null ? dir.resolve("data") : data, options, args);
    containers.add(container);
    return container;
  }

  Container container(RunOptions options, String... args) {
    return container(options, List.of(args));
  }

  /** docker run IMAGE ARGS, to the end. */
  Outcome runToExit(RunOptions options, String... args) {
    return runToExit(container(options, args));
  }

  /** Boots {@code container} and waits for it to exit. */
  static Outcome runToExit(Container container) {
    Boot boot = container.boot();
    int code = boot.awaitExit(BOOT);
    return new Outcome(code, boot.out(), boot.err());
  }

  /** Boots a container whose main program is {@link #IDLE} and waits until that runs. */
  static Boot bootIdle(Container container) {
    Boot boot = container.boot();
    awaitMainProgram(container, boot::running, boot::output);
    return boot;
  }

  /**
   * Waits until the {@link #IDLE} main program runs: boot done (cont-init, the static services).
   * Looked up among the processes, so that a marker left by an earlier boot cannot fool it.
   */
  static void awaitMainProgram(
      Container container, BooleanSupplier alive, Supplier<String> output) {
    Waits.until(
        BOOT,
        "the main program starting",
        () -> {
          if (!alive.getAsBoolean()) {
            throw new AssertionError("the container exited during boot:\n" + output.get());
          }
          return mainProgram(container) != null ? Boolean.TRUE : null;
        },
        output);
  }

  /** The PID of the {@link #IDLE} main program, or null while it does not run. */
  static String mainProgram(Container container) {
    ExecResult r =
        shell(
            container,
            null,
            "for d in /proc/[0-9]*; do [ \"$(tr '\\0' ' ' <$d/cmdline 2>/dev/null)\" ="
                + " 'sleep 1000000 ' ] && echo ${d#/proc/}; done");
    List<String> pids = r.out().lines().toList();
    assertThat(pids).as("main programs: %s", r).hasSizeLessThanOrEqualTo(1);
    return pids.isEmpty() ? null : pids.get(0);
  }

  /** {@code s6-svstat -o FIELDS SLOT} as root: the machine format, trimmed. */
  static String svstat(Container container, String slot, String fields) {
    return container.exec(null, Map.of(), "/command/s6-svstat", "-o", fields, slot).out().trim();
  }

  /** Two profiles: alpha started, beta started and stopped again (desired state stopped). */
  static void alphaRunningBetaStopped(Container container) {
    hermesOk(container, "profile", "create", "alpha");
    hermesOk(container, "profile", "create", "beta");
    hermesOk(container, "-p", "alpha", "gateway", "start", "--wait");
    hermesOk(container, "-p", "beta", "gateway", "start", "--wait");
    hermesOk(container, "-p", "beta", "gateway", "stop", "--wait");
  }

  /** {@code docker exec -u hermes CONTAINER hermes ARGS}. */
  static ExecResult hermes(Container container, String... args) {
    List<String> command = new ArrayList<>(List.of("hermes"));
    command.addAll(List.of(args));
    return container.exec("hermes", Map.of(), command.toArray(String[]::new));
  }

  /** Runs hermes as the hermes user; it must succeed. Returns stdout. */
  static String hermesOk(Container container, String... args) {
    ExecResult r = hermes(container, args);
    assertThat(r.code()).as("hermes %s: %s", String.join(" ", args), r).isZero();
    return r.out();
  }

  /** A shell snippet run as root in the container ({@code docker exec CONTAINER sh -c ...}). */
  static ExecResult shell(Container container, String user, String script) {
    return container.exec(user, Map.of(), "sh", "-c", script);
  }

  static JsonNode gateway(Container container, String profile) {
    try {
      for (JsonNode row :
          JSON.readTree(hermesOk(container, "gateway", "status", "--all", "--json"))) {
        if (row.get("profile").asText().equals(profile)) {
          return row;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode awaitGateway(
      Container container, String profile, String what, Predicate<JsonNode> condition) {
    JsonNode[] last = {null};
    return Waits.until(
        BOOT,
        "gateway-" + profile + " " + what,
        () -> {
          last[0] = gateway(container, profile);
          return last[0] != null && condition.test(last[0]) ? last[0] : null;
        },
        () -> "last status: " + last[0]);
  }

  static boolean ready(JsonNode status) {
    return status.get("ready").asBoolean();
  }

  static JsonNode stateFile(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int owner(Path path) {
    return attribute(path, "unix:uid");
  }

  static int group(Path path) {
    return attribute(path, "unix:gid");
  }

  static String mode(Path path) {
    try {
      return PosixFilePermissions.toString(
          Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int attribute(Path path, String name) {
    try {
      return (Integer) Files.getAttribute(path, name, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

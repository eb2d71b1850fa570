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
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every container scenario needs: containers of the engine under test (closed after each
 * test), the image's idle main program, hermes run through {@code docker exec} as the hermes user,
 * and polling for gateway states.
 */
abstract class ContainerTest {
  /** A main program that says it started and then waits (the marker is /tmp/main-started). */
  static final List<String> IDLE =
      List.of("sh", "-c", "touch /tmp/main-started && exec sleep 1000000");

  static final Duration BOOT = Duration.ofMinutes(2);
  static final String HERMES_UID = "10000";
  private static final ObjectMapper JSON = new ObjectMapper();

  protected final Engine engine;
  @TempDir Path scratch;
  private final List<Container> containers = new ArrayList<>();

  ContainerTest(Engine engine) {
    this.engine = engine;
  }

  @BeforeEach
  void engineIsAvailable() {
    engine
        .engine()
        .unavailable()
        .ifPresent(reason -> Assumptions.abort("skipped: " + engine + ": " + reason));
  }

  @AfterEach
  void closeContainers() {
    containers.forEach(Container::close);
  }

  record Outcome(int code, String output) {}

  Container container(RunOptions options, List<String> args) {
    Path dir = scratch.resolve("c" + containers.size());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Container container = engine.engine().create(dir, options, args);
    containers.add(container);
    return container;
  }

  Container container(RunOptions options, String... args) {
    return container(options, List.of(args));
  }

  /** docker run IMAGE ARGS, to the end: exit code and everything it printed. */
  Outcome runToExit(RunOptions options, String... args) {
    Boot boot = container(options, args).boot();
    int code = boot.awaitExit(BOOT);
    return new Outcome(code, boot.output());
  }

  /** Boots a container whose main program is {@link #IDLE} and waits until that runs. */
  Boot bootIdle(Container container) {
    Boot boot = container.boot();
    awaitMainProgram(container, boot);
    return boot;
  }

  static void awaitMainProgram(Container container, Boot boot) {
    Waits.until(
        BOOT,
        "the main program starting",
        () -> {
          if (!boot.running()) {
            throw new AssertionError("the container exited during boot:\n" + boot.output());
          }
          return container.exec(null, Map.of(), "test", "-e", "/tmp/main-started").ok()
              ? Boolean.TRUE
              : null;
        },
        boot::output);
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

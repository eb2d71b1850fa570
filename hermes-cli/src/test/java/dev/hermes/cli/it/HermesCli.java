package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The built {@code bin/hermes}, run as separate processes against one HERMES_HOME, the way an
 * operator's terminals do. The class-data cache is shared by every test run so it is built once.
 */
public final class HermesCli {
  public static final Path LAUNCHER = Path.of("..", "bin", "hermes").toAbsolutePath().normalize();
  private static final Path CACHE = Path.of("target", "it-cache").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Result(int code, String out, String err) {}

  private final Path home;
  private final Path scratch;
  private final Path launcher;
  private final List<String> prefix;
  private final Map<String, String> env = new HashMap<>();

  public HermesCli(Path home, Path scratch) {
    this(home, scratch, LAUNCHER, List.of());
  }

  /**
   * @param launcher the {@code bin/hermes} to run
   * @param prefix a command that runs it, e.g. one that drops privileges
   */
  public HermesCli(Path home, Path scratch, Path launcher, List<String> prefix) {
    this.home = home;
    this.scratch = scratch;
    this.launcher = launcher;
    this.prefix = List.copyOf(prefix);
  }

  public Path home() {
    return home;
  }

  public HermesCli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** A process builder for {@code hermes ARGS} with this HERMES_HOME and no inherited overrides. */
  public ProcessBuilder builder(String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.add(launcher.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> e = builder.environment();
    e.keySet().removeIf(k -> k.startsWith("HERMES_") || k.startsWith("S6_"));
    e.put("HERMES_HOME", home.toString());
    if (S6UnderTest.configured() != null) {
      e.put("HERMES_S6_BIN_DIR", S6UnderTest.configured());
    }
    e.put("HERMES_CACHE_DIR", CACHE.toString());
    e.putAll(env);
    return builder;
  }

  public Result run(String... args) {
    try {
      Files.createDirectories(CACHE);
      Path out = Files.createTempFile(scratch, "out", ".txt");
      Path err = Files.createTempFile(scratch, "err", ".txt");
      Process process =
          builder(args)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("hermes " + String.join(" ", args) + " did not finish");
      }
      Result result =
          new Result(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Runs a command that must succeed; returns its stdout. */
  public String ok(String... args) {
    Result r = run(args);
    assertThat(r.code())
        .as("hermes %s\nstdout: %s\nstderr: %s", String.join(" ", args), r.out(), r.err())
        .isZero();
    return r.out();
  }

  /** {@code gateway status --all --json}, by profile name. */
  public Map<String, JsonNode> gateways() {
    try {
      Map<String, JsonNode> byName = new HashMap<>();
      for (JsonNode row : JSON.readTree(ok("gateway", "status", "--all", "--json"))) {
        byName.put(row.get("profile").asText(), row);
      }
      return byName;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode gateway(String profile) {
    return gateways().get(profile);
  }

  /** Polls the gateway's status until it matches; fails with the last status after the timeout. */
  public JsonNode awaitGateway(String profile, Duration timeout, Predicate<JsonNode> condition) {
    return await("the status of gateway-" + profile)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> gateway(profile), s -> s != null && condition.test(s));
  }

  public static boolean ready(JsonNode status) {
    return status.get("ready").asBoolean();
  }

  /**
   * Lets {@code millis} pass: for a test that proves something does not happen within a while, not
   * for waiting until something does (that is a poll with a bound, {@code await}).
   */
  public static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}

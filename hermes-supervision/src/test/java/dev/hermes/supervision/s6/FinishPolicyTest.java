package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The crash-loop policy as a table: the real finish script, in its dry-run mode, with a fixed clock
 * and a given history → the decision and the delay. Defaults: 5 exits in 300 s, backoff 1 s
 * doubling to 60 s, reset after 60 s of healthy uptime.
 */
class FinishPolicyTest {
  static final long NOW = 1_000_000;

  @TempDir Path slot;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "clean exit                      | 0   | 0  | -                    | 0  | 5   | clean",
        "restart requested (75)          | 75  | 0  | -                    | 0  | 5   | clean",
        "stopped by SIGTERM              | 256 | 15 | -                    | 0  | 5   | clean",
        "fatal configuration (78)        | 78  | 0  | -                    | 0  | 5   | hold fatal configuration",
        "first crash restarts at once    | 1   | 0  | -                    | 0  | 5   | restart 0",
        "second crash                    | 1   | 0  | 10                   | 1  | 5   | restart 1",
        "third crash                     | 1   | 0  | 10 20                | 2  | 5   | restart 2",
        "fourth crash                    | 1   | 0  | 10 20 30             | 3  | 5   | restart 4",
        "long streak is capped           | 1   | 0  | -                    | 10 | 5   | restart 60",
        "healthy run resets the backoff  | 1   | 0  | -                    | 5  | 61  | restart 0",
        "fifth crash in window holds     | 1   | 0  | 50 40 30 20          | 4  | 5   | hold crash loop (5 exits in 50s, last: exit 1)",
        "old crashes fall out of window  | 1   | 0  | 400 350 30 20        | 4  | 5   | restart 8",
        "killed by a signal in a loop    | 256 | 9  | 40 30 20 10          | 4  | 5   | hold crash loop (5 exits in 40s, last: signal 9)",
        "garbage history lines ignored   | 1   | 0  | x 20                 | 1  | 5   | restart 1",
      })
  void decides(
      String ignoredName,
      int code,
      int signal,
      String agoList,
      int streak,
      int upFor,
      String expected)
      throws Exception {
    if (!agoList.equals("-")) {
      StringBuilder history = new StringBuilder();
      for (String ago : agoList.split(" ")) {
        history.append(ago.matches("\\d+") ? String.valueOf(NOW - Long.parseLong(ago)) : ago);
        history.append('\n');
      }
      Files.writeString(slot.resolve("hermes-exits"), history);
    }
    Files.writeString(slot.resolve("hermes-streak"), streak + "\n");
    Files.writeString(slot.resolve("hermes-started"), (NOW - upFor) + "\n");

    Result r =
        finish(CrashLoopSettings.DEFAULT, Map.of("HERMES_FINISH_DRY_RUN", "1"), code, signal);

    assertThat(r.code).isZero();
    assertThat(r.out.trim()).isEqualTo(expected);
  }

  @Test
  void aCrashLoopRecordsTheFailureAndExits125() throws Exception {
    Path recorded = slot.resolve("recorded-args");
    Path hermes = slot.resolve("fake-hermes");
    Files.writeString(
        hermes, "#!/bin/sh\nprintf '%s\\n' \"$HERMES_HOME\" \"$@\" > '" + recorded + "'\n");
    Files.setPosixFilePermissions(hermes, PosixFilePermissions.fromString("rwx------"));
    CrashLoopSettings noWait = new CrashLoopSettings(3, 300, 0, 0, 60);
    String finish =
        new SlotRenderer(
                new SlotSpec(
                    List.of(hermes.toString()),
                    Path.of("/data"),
                    "/home/op",
                    new TreeMap<>(),
                    new S6Tools(slot.resolve("no-s6")),
                    noWait))
            .render("coder", true)
            .get("finish");

    assertThat(run(finish, 1, 0).code).isZero();
    assertThat(run(finish, 2, 0).code).isZero();
    Result third = run(finish, 256, 11);

    assertThat(third.code).isEqualTo(125);
    assertThat(Files.readString(slot.resolve("hermes-restarts")).trim()).isEqualTo("3");
    assertThat(Files.readString(slot.resolve("hermes-failure")))
        .startsWith("crash loop (3 exits in ")
        .endsWith(", last: signal 11)\n");
    assertThat(Files.readAllLines(recorded))
        .startsWith("/data", "-p", "coder", "supervise", "record-failure", "--reason")
        .last()
        .asString()
        .startsWith("crash loop (3 exits");
  }

  record Result(int code, String out) {}

  private Result run(String finishScript, int code, int signal) throws Exception {
    Path script = slot.resolve("finish");
    Files.writeString(script, finishScript);
    return exec(script, Map.of(), code, signal);
  }

  private Result finish(CrashLoopSettings settings, Map<String, String> env, int code, int signal)
      throws Exception {
    String finish =
        new SlotRenderer(
                new SlotSpec(
                    List.of("/nonexistent/hermes"),
                    Path.of("/data"),
                    "/home/op",
                    new TreeMap<>(),
                    new S6Tools(slot.resolve("no-s6")),
                    settings))
            .render("coder", true)
            .get("finish");
    Path script = slot.resolve("finish");
    Files.writeString(script, finish);
    return exec(
        script,
        Map.of(
            "HERMES_FINISH_NOW",
            String.valueOf(NOW),
            "HERMES_FINISH_DRY_RUN",
            env.getOrDefault("HERMES_FINISH_DRY_RUN", "")),
        code,
        signal);
  }

  private Result exec(Path script, Map<String, String> env, int code, int signal)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
                "sh",
                script.toString(),
                String.valueOf(code),
                String.valueOf(signal),
                slot.toString())
            .directory(slot.toFile())
            .redirectErrorStream(false);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}

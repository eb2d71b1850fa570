package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.cli.it.HermesCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JLine belongs to the full-screen terminal view alone: every other command, and {@code gateway
 * top} without a terminal, runs without loading a single JLine class (so it can neither slow them
 * down nor print its warnings).
 */
class JLineLoadingIT {
  /** A JLine class being loaded (the JDK's own copy, jdk.internal.org.jline, is not ours). */
  private static final String JLINE = "[class,load] org.jline.";

  @TempDir Path home;

  private String loadedClasses(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(HermesCli.LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("HERMES_") || k.startsWith("S6_"));
    builder.environment().put("HERMES_HOME", home.toString());
    builder.environment().put("HERMES_NO_CACHE", "1");
    // -verbose:class names every class as it loads, on stdout.
    builder.environment().put("HERMES_JAVA_OPTS", "-verbose:class");
    builder.environment().put("HERMES_SERVICE_MANAGER", "none");
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process process =
        builder
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("hermes finished").isTrue();
    assertThat(Files.readString(err, StandardCharsets.UTF_8)).as("stderr").isEmpty();
    assertThat(process.exitValue()).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void ordinaryCommandsNeverLoadJLine() throws Exception {
    for (String[] args :
        new String[][] {
          {"--version"}, {"status"}, {"profile", "list"}, {"gateway", "status", "--all"}
        }) {
      String classes = loadedClasses(args);
      assertThat(classes).as(String.join(" ", args)).contains("dev.hermes.cli.HermesCommand");
      assertThat(classes).as(String.join(" ", args)).doesNotContain(JLINE);
    }
  }

  @Test
  void theTerminalViewWithoutATerminalPrintsWithoutLoadingJLine() throws Exception {
    String classes = loadedClasses("gateway", "top");

    assertThat(classes).contains("dev.hermes.cli.top.TopView").contains("PROFILE  DESIRED");
    assertThat(classes).doesNotContain(JLINE);
  }
}

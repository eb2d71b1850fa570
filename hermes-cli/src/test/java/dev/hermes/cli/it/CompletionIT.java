package dev.hermes.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.cli.TypedOptionsScripts;
import dev.hermes.testing.Required;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts {@code hermes completion bash|zsh} print, run in the real shells: what a TAB offers
 * after a command line, with profile names listed from HERMES_HOME by the script itself.
 */
class CompletionIT {
  private static final Path BASH = Path.of("/bin/bash");

  @TempDir Path home;
  @TempDir Path scratch;

  private HermesCli cli;

  @BeforeEach
  void setUp() throws IOException {
    cli = new HermesCli(home, scratch);
    for (String profile : List.of("coder", "helper")) {
      Files.createDirectories(home.resolve("profiles").resolve(profile));
      Files.writeString(home.resolve("profiles").resolve(profile).resolve("SOUL.md"), "x\n");
    }
    // Not profiles: no SOUL.md, or a name no profile can have (which must not reach compgen).
    Files.createDirectories(home.resolve("profiles/no-soul"));
    Path trap = Files.createDirectories(home.resolve("profiles/$(touch pwned)"));
    Files.writeString(trap.resolve("SOUL.md"), "x\n");
  }

  @Test
  void bashCompletesCommandsOptionsAndProfiles() throws Exception {
    Path script = save("bash");
    assertThat(bash(script, "hermes", "")).contains("status", "gateway", "completion", "up");
    assertThat(bash(script, "hermes", "gat")).containsExactly("gateway");
    assertThat(bash(script, "hermes", "gateway", "st")).containsExactly("start", "stop", "status");
    assertThat(bash(script, "hermes", "gateway", "hi")).containsExactly("history");
    assertThat(bash(script, "hermes", "gateway", "history", "--"))
        .containsExactlyInAnyOrder("--last", "--json", "--profile", "--help", "--version");
    assertThat(bash(script, "hermes", "gateway", "status", "--"))
        .containsExactlyInAnyOrder("--all", "--json", "--profile", "--help", "--version");
    assertThat(bash(script, "hermes", "-p", ""))
        .containsExactlyInAnyOrder("default", "coder", "helper");
    assertThat(bash(script, "hermes", "gateway", "--profile", "=", "c")).containsExactly("coder");
    assertThat(bash(script, "hermes", "profile", "delete", "h")).containsExactly("helper");
    assertThat(bash(script, "hermes", "profile", "create", "x", "--clone", ""))
        .containsExactlyInAnyOrder("default", "coder", "helper");
    assertThat(bash(script, "hermes", "profile", "create", "x", "--port", "")).isEmpty();
    assertThat(bash(script, "hermes", "-p", "coder", "gateway", "re")).containsExactly("restart");
    assertThat(scratch.resolve("pwned")).doesNotExist();
  }

  @Test
  void bashLoadsTheScriptStraightFromTheCommand() throws Exception {
    List<String> offered =
        run(
            List.of(
                BASH.toString(),
                "-c",
                "source <(\"$0\" completion bash) && COMP_WORDS=(hermes gatway) && COMP_CWORD=1"
                    + " && _hermes; COMP_WORDS=(hermes profile sh); COMP_CWORD=2; _hermes;"
                    + " printf '%s\\n' \"${COMPREPLY[@]}\"",
                HermesCli.LAUNCHER.toString()));
    assertThat(offered).containsExactly("show");
  }

  @Test
  void theBashScriptIsShellcheckClean() throws Exception {
    Required.engine(
        onPath("shellcheck"), "shellcheck is not installed (apt-get install shellcheck)");
    Path script = save("bash");
    Process check =
        new ProcessBuilder("shellcheck", "-s", "bash", script.toString())
            .redirectErrorStream(true)
            .start();
    String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(report).isZero();
  }

  @Test
  void zshCompletesCommandsOptionsAndProfiles() throws Exception {
    Required.engine(onPath("zsh"), "zsh is not installed (apt-get install zsh)");
    Path script = save("zsh");
    assertThat(zsh(script, "hermes", "")).contains("status", "gateway", "completion", "up");
    assertThat(zsh(script, "hermes", "gateway", "st"))
        .containsExactly(
            "run", "start", "stop", "restart", "status", "top", "history", "install", "uninstall");
    assertThat(zsh(script, "hermes", "-p", ""))
        .containsExactlyInAnyOrder("default", "coder", "helper");
    assertThat(zsh(script, "hermes", "gateway", "--profile=c"))
        .containsExactlyInAnyOrder("default", "coder", "helper");
    assertThat(zsh(script, "hermes", "profile", "show", ""))
        .containsExactlyInAnyOrder("default", "coder", "helper");
    assertThat(zsh(script, "hermes", "gateway", "status", "-"))
        .containsExactlyInAnyOrder(
            "--all", "--json", "-p", "--profile", "-h", "--help", "-V", "--version");
    assertThat(scratch.resolve("pwned")).doesNotExist();
  }

  @Test
  void zshRegistersItFromFpathAndWhenSourced() throws Exception {
    Required.engine(onPath("zsh"), "zsh is not installed (apt-get install zsh)");
    Path fpath = Files.createDirectories(scratch.resolve("fpath"));
    Files.writeString(fpath.resolve("_hermes"), cli.ok("completion", "zsh"));
    String compinit = "autoload -U compinit && compinit -u -d " + scratch.resolve("zcompdump");
    assertThat(
            run(
                List.of(
                    "zsh",
                    "-f",
                    "-c",
                    "fpath=(" + fpath + " $fpath); " + compinit + "; print -r -- $_comps[hermes]")))
        .containsExactly("_hermes");
    assertThat(
            run(
                List.of(
                    "zsh",
                    "-f",
                    "-c",
                    compinit + "; source <(\"$0\" completion zsh); print -r -- $_comps[hermes]",
                    HermesCli.LAUNCHER.toString())))
        .containsExactly("_hermes");
  }

  @Test
  void bashCompletesTheValuesOfAnOptionThatTakesOneOfAFixedSet() throws Exception {
    Path script = saveTestTree("bash");
    assertThat(bash(script, "hermes", "run", "--color", "")).containsExactly("red", "dark-green");
    assertThat(bash(script, "hermes", "run", "-c", "d")).containsExactly("dark-green");
    assertThat(bash(script, "hermes", "run", "--color", "=", "r")).containsExactly("red");
    assertThat(bash(script, "hermes", "run", "--color=dar")).containsExactly("--color=dark-green");
    assertThat(bash(script, "hermes", "run", "--port", "")).isEmpty();
  }

  @Test
  void zshCompletesTheValuesOfAnOptionThatTakesOneOfAFixedSet() throws Exception {
    Required.engine(onPath("zsh"), "zsh is not installed (apt-get install zsh)");
    Path script = saveTestTree("zsh");
    assertThat(zsh(script, "hermes", "run", "--color", "")).containsExactly("red", "dark-green");
    assertThat(zsh(script, "hermes", "run", "--color=d")).containsExactly("red", "dark-green");
    assertThat(zsh(script, "hermes", "run", "--port", "")).isEmpty();
  }

  private Path save(String shell) throws IOException {
    Path script = scratch.resolve("hermes." + shell);
    Files.writeString(script, cli.ok("completion", shell));
    return script;
  }

  /**
   * The script of a test tree with an option that takes one of a fixed set: no visible command of
   * hermes has one yet.
   */
  private Path saveTestTree(String shell) throws IOException {
    Path script = scratch.resolve("typed." + shell);
    Files.writeString(script, TypedOptionsScripts.render(shell));
    return script;
  }

  /** What bash's completion offers for {@code words}, the last being the word under the cursor. */
  private List<String> bash(Path script, String... words) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                BASH.toString(),
                "-c",
                "source \"$0\" && COMP_WORDS=(\"$@\") && COMP_CWORD=$(($# - 1)) && _hermes"
                    + " && printf '%s\\n' \"${COMPREPLY[@]}\"",
                script.toString()));
    command.addAll(List.of(words));
    return run(command);
  }

  /**
   * What zsh's completion offers: the script's function runs with {@code words} and {@code CURRENT}
   * as the completion system sets them, and a {@code compadd} that prints its candidates (the
   * completion system's own matching of the typed prefix is left out).
   */
  private List<String> zsh(Path script, String... words) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "zsh",
                "-f",
                "-c",
                "compdef() { : }; compset() { : }; compadd() { [[ $1 == -- ]] && shift;"
                    + " print -rl -- \"$@\" }; source \"$0\"; words=(\"$@\"); CURRENT=$#;"
                    + " _hermes",
                script.toString()));
    command.addAll(List.of(words));
    return run(command);
  }

  private List<String> run(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile());
    builder.environment().put("HERMES_HOME", home.toString());
    builder.environment().put("HERMES_CACHE_DIR", scratch.resolve("cache").toString());
    Path err = scratch.resolve("stderr.txt");
    Process process = builder.redirectError(err.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(err)).isZero();
    assertThat(Files.readString(err)).isEmpty();
    return out.lines().filter(line -> !line.isEmpty()).toList();
  }

  private static boolean onPath(String program) throws Exception {
    return new ProcessBuilder("sh", "-c", "command -v " + program)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor()
        == 0;
  }
}

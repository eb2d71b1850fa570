package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both scripts hold every visible command and every option of the specs, read here by a walk of the
 * tree of its own (not through {@link CompletionTree}), so a command or option the generator
 * dropped fails this test. {@code CompletionIT} runs the scripts in real shells.
 */
class CompletionScriptTest {
  @TempDir Path home;

  @Test
  void everyCommandAndOptionOfTheSpecsIsInBothScripts() {
    for (CompletionScript shell : CompletionScript.values()) {
      String script = shell.render(new HermesCommand());
      List<String[]> expected = new ArrayList<>();
      walk(new HermesCommand().spec(), "hermes", expected);
      assertThat(expected).hasSizeGreaterThan(20);
      for (String[] command : expected) {
        String path = command[0];
        String block = caseBlock(script, path);
        assertThat(words(block, "_hermes_cmds"))
            .as(shell + " " + path + " subcommands")
            .containsExactlyInAnyOrder(
                command[1].isEmpty() ? new String[0] : command[1].split(" "));
        assertThat(words(block, "_hermes_opts"))
            .as(shell + " " + path + " options")
            .containsExactlyInAnyOrder(command[2].split(" "));
      }
    }
  }

  @Test
  void optionsTakingAValueAndProfileNamesAreMarked() {
    String script = CompletionScript.BASH.render(new HermesCommand());
    String create = caseBlock(script, "hermes profile create");
    assertThat(words(create, "_hermes_valued")).contains("--port", "--clone", "-p", "--profile");
    assertThat(words(create, "_hermes_profile_opts"))
        .containsExactlyInAnyOrder("--clone", "-p", "--profile");
    assertThat(caseBlock(script, "hermes profile delete")).contains("_hermes_profile_param=1");
    assertThat(caseBlock(script, "hermes profile show")).contains("_hermes_profile_param=1");
    assertThat(caseBlock(script, "hermes profile create")).doesNotContain("_hermes_profile_param");
  }

  @Test
  void theValuesOfAnOptionThatTakesOneOfAFixedSetAreOffered() {
    for (CompletionScript shell : CompletionScript.values()) {
      assertThat(shell.render(TypedOptionsTest.Tree.root()))
          .as(shell.shell())
          .contains(
              "    \"hermes run -c\" | \"hermes run --color\")\n"
                  + "      _hermes_words=\"red dark-green\"\n"
                  + "      ;;\n");
      // No visible command of hermes has one: the table is empty.
      assertThat(shell.render(new HermesCommand())).contains("  case \"$1 $2\" in\n  esac\n");
    }
  }

  @Test
  void hiddenCommandsAreLeftOut() {
    String script = CompletionScript.BASH.render(new HermesCommand());
    assertThat(script).doesNotContain("record-failure").contains("\"hermes supervise reconcile\")");
  }

  @Test
  void theCommandPrintsTheScriptOfEachShell() {
    CliRun bash = CliRun.run(home, "completion", "bash");
    assertThat(bash.code()).isZero();
    assertThat(bash.out())
        .isEqualTo(CompletionScript.BASH.render(new HermesCommand()))
        .startsWith("# shellcheck shell=bash\n")
        .endsWith("complete -F _hermes hermes\n");
    CliRun zsh = CliRun.run(home, "completion", "zsh");
    assertThat(zsh.code()).isZero();
    assertThat(zsh.out()).startsWith("#compdef hermes\n").contains("compdef _hermes hermes\n");
    assertThat(CliRun.run(home, "completion", "fish").err())
        .startsWith("hermes: error: Unknown command: 'fish'");
  }

  /** Every visible command: {path, subcommands, options}, options with help and version. */
  private static void walk(CommandSpec spec, String path, List<String[]> out) {
    List<String> subcommands = new ArrayList<>();
    List<String> options = new ArrayList<>();
    for (Option<?> option : spec.options()) {
      options.addAll(option.names());
    }
    if (!path.equals("hermes")) {
      options.addAll(List.of("-p", "--profile"));
    }
    options.addAll(List.of("-h", "--help", "-V", "--version"));
    List<Map.Entry<String, CommandSpec>> children = new ArrayList<>();
    for (Map.Entry<String, Supplier<CliCommand>> sub : spec.subcommands().entrySet()) {
      CommandSpec child = sub.getValue().get().spec();
      if (!child.isHidden()) {
        subcommands.add(sub.getKey());
        children.add(Map.entry(sub.getKey(), child));
      }
    }
    out.add(new String[] {path, String.join(" ", subcommands), String.join(" ", options)});
    for (Map.Entry<String, CommandSpec> child : children) {
      walk(child.getValue(), path + " " + child.getKey(), out);
    }
  }

  /** The lines of {@code _hermes_spec}'s branch for {@code path}. */
  private static String caseBlock(String script, String path) {
    String header = "    \"" + path + "\")\n";
    int start = script.indexOf(header);
    assertThat(start).as("branch for " + path).isNotNegative();
    int end = script.indexOf(";;", start);
    return script.substring(start + header.length(), end);
  }

  private static List<String> words(String block, String variable) {
    for (String line : block.lines().toList()) {
      String lead = "      " + variable + "=\"";
      if (line.startsWith(lead)) {
        return Arrays.asList(line.substring(lead.length(), line.length() - 1).split(" "));
      }
    }
    return List.of();
  }
}

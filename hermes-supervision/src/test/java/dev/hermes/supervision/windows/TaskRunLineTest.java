package dev.hermes.supervision.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.supervision.SupervisionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskRunLineTest {
  private static final Path HOME = Path.of("C:\\Users\\me\\.hermes");

  @Test
  void aProgramPathWithSpacesIsQuotedInsideTheCmdLine() {
    String line =
        TaskRunLine.build(
            HOME,
            List.of(
                "C:\\Program Files\\hermes\\bin\\hermes.cmd",
                "-p",
                "work",
                "gateway",
                "run",
                "--replace"));

    assertThat(line)
        .isEqualTo(
            "cmd /d /s /c \"set \"HERMES_HOME=C:\\Users\\me\\.hermes\"&& set"
                + " \"HERMES_SUPERVISED_CHILD=1\"&& \"C:\\Program Files\\hermes\\bin\\hermes.cmd\""
                + " -p work gateway run --replace\"");
  }

  @Test
  void cmdSpecialCharactersAndTrailingBackslashesAreQuotedSafely() {
    assertThat(TaskRunLine.argument("C:\\R&D (x)\\hermes.exe"))
        .isEqualTo("\"C:\\R&D (x)\\hermes.exe\"");
    assertThat(TaskRunLine.argument("C:\\dir with space\\"))
        .isEqualTo("\"C:\\dir with space\\\\\"");
    assertThat(TaskRunLine.argument("a=b")).isEqualTo("\"a=b\"");
    assertThat(TaskRunLine.argument("")).isEqualTo("\"\"");
    assertThat(TaskRunLine.argument("--replace")).isEqualTo("--replace");
  }

  @Test
  void percentSignsAndQuotesCannotBePassedThroughCmd() {
    assertThatThrownBy(() -> TaskRunLine.build(Path.of("C:\\100%\\h"), List.of("hermes")))
        .isInstanceOf(SupervisionException.class)
        .hasMessage(
            "cannot pass 'C:\\100%\\h' to a scheduled task: it holds %, a quote or a control"
                + " character");
    assertThatThrownBy(() -> TaskRunLine.argument("say \"hi\""))
        .isInstanceOf(SupervisionException.class);
  }

  @Test
  void aLineLongerThanSchtasksAcceptsIsRefusedWithAHint() {
    String longHome = "C:\\" + "x".repeat(250);

    assertThatThrownBy(() -> TaskRunLine.build(Path.of(longHome), List.of("C:\\hermes.cmd")))
        .isInstanceOf(SupervisionException.class)
        .hasMessageContaining("schtasks accepts at most 261")
        .hasMessageContaining("use a shorter HERMES_HOME or install path");
  }

  @Test
  void theTrArgumentIsEncodedSoTheWindowsArgumentParserGetsTheLineBack() {
    String line =
        TaskRunLine.build(
            Path.of("C:\\"), List.of("C:\\Program Files\\hermes\\", "gateway", "run", "--replace"));

    String encoded = TaskRunLine.commandLineArgument(line);

    assertThat(encoded).startsWith("\"cmd /d /s /c \\\"set \\\"HERMES_HOME=C:\\\\\\\"&& ");
    assertThat(encoded).endsWith("\"");
    assertThat(parseWindowsArguments(encoded)).containsExactly(line);
    for (String tricky : List.of("a\\\\\"b", "x\\", "", "two words", "\"", "\\\\server\\share")) {
      assertThat(parseWindowsArguments(TaskRunLine.commandLineArgument(tricky)))
          .containsExactly(tricky);
    }
  }

  /** The MSVCRT / CommandLineToArgvW rules, as schtasks reads its command line. */
  private static List<String> parseWindowsArguments(String commandLine) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inQuotes = false;
    boolean inArgument = false;
    int i = 0;
    while (i < commandLine.length()) {
      char c = commandLine.charAt(i);
      if (c == '\\') {
        int count = 0;
        while (i < commandLine.length() && commandLine.charAt(i) == '\\') {
          count++;
          i++;
        }
        if (i < commandLine.length() && commandLine.charAt(i) == '"') {
          current.append("\\".repeat(count / 2));
          if (count % 2 == 1) {
            current.append('"');
            i++;
          }
        } else {
          current.append("\\".repeat(count));
        }
        inArgument = true;
        continue;
      }
      if (c == '"') {
        inQuotes = !inQuotes;
        inArgument = true;
      } else if ((c == ' ' || c == '\t') && !inQuotes) {
        if (inArgument) {
          args.add(current.toString());
          current.setLength(0);
          inArgument = false;
        }
      } else {
        current.append(c);
        inArgument = true;
      }
      i++;
    }
    if (inArgument) {
      args.add(current.toString());
    }
    return args;
  }
}

package dev.hermes.supervision.s6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.testing.DocsPages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The finish script and docs/backends.md name the crash-loop policy's edges alike: each branch of
 * the script carries a {@code # (N) label} comment with the label of edge N in the page's table,
 * and the page's diagram draws {@code (N) label}. A reader following an edge from the page finds
 * its branch by searching for the same words.
 */
class FinishScriptEdgesTest {
  /** A row of the page's edge table: {@code | 4 fatal configuration | exit 78 | …}. */
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| (\\d+) ([a-z -]+?) \\|");

  /** A branch label in the script: {@code # (4) fatal configuration}. */
  private static final Pattern BRANCH = Pattern.compile("^\\s*# \\((\\d+)\\) ([a-z -]+)$");

  /** Edge 10 is {@code gateway start}'s (S6ServiceManager), not the script's. */
  private static final String START_EDGE = "10";

  static Map<String, String> documented;
  static String page;

  @BeforeAll
  static void readThePage() {
    page = DocsPages.text("backends.md");
    documented = new LinkedHashMap<>();
    for (String line : page.split("\n")) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.find()) {
        documented.put(row.group(1), row.group(2));
      }
    }
  }

  @Test
  void thePageDocumentsTenEdges() {
    assertThat(documented.keySet())
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
  }

  @Test
  void everyEdgeOfTheScriptIsLabelledAtItsBranchAsThePageNamesIt() throws IOException {
    Map<String, String> branches = new LinkedHashMap<>();
    for (String line : finishBody()) {
      Matcher branch = BRANCH.matcher(line);
      if (branch.matches()) {
        assertThat(branches.put(branch.group(1), branch.group(2)))
            .as("edge %s labels one branch", branch.group(1))
            .isNull();
      }
    }
    Map<String, String> scriptEdges = new LinkedHashMap<>(documented);
    scriptEdges.remove(START_EDGE);
    assertThat(branches).containsExactlyInAnyOrderEntriesOf(scriptEdges);
  }

  @Test
  void theDiagramDrawsEveryEdgeWithItsLabel() {
    int finish = page.indexOf("[ FINISH ]");
    String diagram = page.substring(page.lastIndexOf("```", finish), page.indexOf("```", finish));
    documented.forEach((edge, label) -> assertThat(diagram).contains("(" + edge + ") " + label));
  }

  private static List<String> finishBody() throws IOException {
    try (InputStream in = SlotRenderer.class.getResourceAsStream("finish-body.sh")) {
      assertThat(in).as("finish-body.sh on the class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}

package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.supervision.GatewayStatus;
import dev.hermes.testing.DocsPages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/metrics.md holds to what {@code /metrics} serves, and its alert rules are valid. */
class MetricsDocTest {
  private static final String RULES_MARKER = "<!-- rules: promtool check rules -->";

  @TempDir Path dir;

  /** The yaml block right after the marker: the rules exactly as the page shows them. */
  static String documentedRules() {
    List<String> lines = DocsPages.lines("metrics.md");
    int marker = lines.indexOf(RULES_MARKER);
    assertThat(marker).as("the rules marker in docs/metrics.md").isNotNegative();
    assertThat(lines.get(marker + 1)).isEqualTo("```yaml");
    List<String> rules = new ArrayList<>();
    for (int i = marker + 2; !lines.get(i).equals("```"); i++) {
      rules.add(lines.get(i));
    }
    return String.join("\n", rules) + "\n";
  }

  @Test
  void theDocumentedRulesPassPromtoolsCheck() throws IOException {
    PrometheusTools.requirePromtool();
    Path rules = Files.writeString(dir.resolve("alerts.yml"), documentedRules());
    PrometheusTools.Result check = PrometheusTools.checkRules(rules);
    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 11 rules found");
  }

  @Test
  void theDocumentedAlertsFireOnWhatTheyAreMeantFor() throws IOException {
    PrometheusTools.requirePromtool();
    Files.writeString(dir.resolve("alerts.yml"), documentedRules());
    Path test = dir.resolve("alerts-test.yml");
    try (InputStream in = MetricsDocTest.class.getResourceAsStream("/metrics-alerts-test.yml")) {
      Files.write(test, in.readAllBytes());
    }
    PrometheusTools.Result run = PrometheusTools.testRules(test);
    assertThat(run.exit()).as(run.output()).isZero();
  }

  @Test
  void everyFamilyServedIsInThePageAndEveryFamilyInThePageIsServed() {
    // Every family, with a sample of each: alpha runs as this JVM, beta is held down.
    List<String> served = new ArrayList<>();
    TestDashboards fixture = new TestDashboards(dir).withProfiles("alpha", "beta");
    fixture.manager.answers(
        "alpha",
        GatewayStatus.builder("alpha")
            .up((int) ProcessHandle.current().pid())
            .ready(true)
            .since(3)
            .build());
    fixture.manager.heldDown("beta", "crash loop (5 exits in 9s, last: exit 1)");
    try (Dashboard dashboard = fixture.start(AccessPolicy.open())) {
      Matcher m =
          Pattern.compile("^# TYPE (\\S+) ", Pattern.MULTILINE)
              .matcher(RawHttp.to(dashboard.port()).get("/metrics").body());
      while (m.find()) {
        served.add(m.group(1));
      }
    }
    List<String> documented = new ArrayList<>();
    Matcher m =
        Pattern.compile("^\\| `(hermes_[a-z_]+)(\\{[a-z]+\\})?` \\|", Pattern.MULTILINE)
            .matcher(DocsPages.text("metrics.md"));
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertThat(documented).containsExactlyElementsOf(served);
  }
}

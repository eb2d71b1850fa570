package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void labelValuesAndHelpThatCouldBreakALineAreEscapedAndReadBackWhole() {
    PrometheusTools.requireParser();
    String nasty = "a\"b\\c\nd} 1\nforged 2";
    PrometheusText text =
        new PrometheusText()
            .family("x_things", "gauge", "Help with a \\ and a\nnewline.")
            .sample("x_things", 3, "name", nasty, "other", "plain");
    String body = new String(text.bytes(), StandardCharsets.UTF_8);
    assertThat(body.lines()).hasSize(3);
    PrometheusTools.Parsed m = PrometheusTools.parse(body);
    assertThat(m.samples()).hasSize(1);
    assertThat(m.value("x_things", "name", nasty, "other", "plain")).isEqualTo(3);
  }

  @Test
  void wholeNumbersHaveNoFractionAndOthersKeepTheirs() {
    String body =
        new PrometheusText()
            .family("x", "gauge", "h")
            .sample("x", 1_700_000_000L)
            .sample("x", 0.25)
            .sample("x", Double.NaN)
            .toString();
    assertThat(body).contains("x 1700000000\n", "x 0.25\n", "x NaN\n");
  }
}

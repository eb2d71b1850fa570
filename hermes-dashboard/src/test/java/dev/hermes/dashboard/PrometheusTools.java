package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.testing.Required;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own parsers over what the dashboard serves: Debian's python3-prometheus-client (the
 * text parser of the reference client library) and promtool (the linter and rule checker of the
 * Prometheus server). Missing, a test that needs one is skipped, or fails in CI ({@link Required}).
 */
final class PrometheusTools {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  private static final ObjectMapper JSON = new ObjectMapper();

  // Prints one JSON object: the families (name -> type) and every sample with its labels.
  private static final String PARSE =
      "import json, sys\n"
          + "from prometheus_client.parser import text_string_to_metric_families\n"
          + "families, samples = {}, []\n"
          + "for f in text_string_to_metric_families(sys.stdin.read()):\n"
          + "    families[f.name] = f.type\n"
          + "    for s in f.samples:\n"
          + "        samples.append({'name': s.name, 'labels': s.labels, 'value': s.value})\n"
          + "json.dump({'families': families, 'samples': samples}, sys.stdout)\n";

  /** One sample as the parser read it. */
  record Sample(String name, Map<String, String> labels, double value) {}

  /** What the parser made of a text. */
  record Parsed(Map<String, String> families, List<Sample> samples) {
    /** The value of the one sample with this name and these labels (name, value, …). */
    double value(String name, String... labels) {
      List<Sample> found = find(name, labels);
      assertThat(found).as(name + " " + String.join(",", labels)).hasSize(1);
      return found.get(0).value();
    }

    /** Every sample of this name, whatever its labels. */
    List<Sample> all(String name) {
      return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The samples with this name and exactly these labels (name, value, …). */
    List<Sample> find(String name, String... labels) {
      Map<String, String> wanted = new LinkedHashMap<>();
      for (int i = 0; i + 1 < labels.length; i += 2) {
        wanted.put(labels[i], labels[i + 1]);
      }
      return samples.stream()
          .filter(s -> s.name().equals(name) && s.labels().equals(wanted))
          .toList();
    }
  }

  private PrometheusTools() {}

  static void requireParser() {
    Required.engine(
        Files.isExecutable(PYTHON)
            && run(List.of(PYTHON.toString(), "-c", "import prometheus_client.parser"), "").exit()
                == 0,
        "the Prometheus text parser is not installed (apt-get install python3-prometheus-client)");
  }

  static void requirePromtool() {
    Required.engine(
        Files.isExecutable(PROMTOOL), "promtool is not installed (apt-get install prometheus)");
  }

  /** Parses with the reference parser; a text it refuses fails the test with its error. */
  static Parsed parse(String text) {
    Result r = run(List.of(PYTHON.toString(), "-c", PARSE), text);
    assertThat(r.exit()).as("the parser's verdict: " + r.output()).isZero();
    try {
      JsonNode tree = JSON.readTree(r.output());
      Map<String, String> families = new LinkedHashMap<>();
      tree.get("families")
          .fields()
          .forEachRemaining(e -> families.put(e.getKey(), e.getValue().asText()));
      List<Sample> samples = new ArrayList<>();
      for (JsonNode s : tree.get("samples")) {
        Map<String, String> labels = new LinkedHashMap<>();
        s.get("labels")
            .fields()
            .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        samples.add(new Sample(s.get("name").asText(), labels, s.get("value").asDouble()));
      }
      return new Parsed(families, samples);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code promtool check metrics} (format and naming lint) on the text: its exit and output. */
  static Result checkMetrics(String text) {
    return run(List.of(PROMTOOL.toString(), "check", "metrics"), text);
  }

  /** {@code promtool check rules} on a rules file. */
  static Result checkRules(Path file) {
    return run(List.of(PROMTOOL.toString(), "check", "rules", file.toString()), "");
  }

  /** {@code promtool test rules} on a rule test file. */
  static Result testRules(Path file) {
    return run(List.of(PROMTOOL.toString(), "test", "rules", file.toString()), "");
  }

  record Result(int exit, String output) {}

  private static Result run(List<String> command, String input) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      // Fed from another thread, so a tool that answers before reading all of it cannot block us.
      Thread feeder =
          new Thread(
              () -> {
                try (var in = p.getOutputStream()) {
                  in.write(input.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                  // the tool exited without reading; its output says why
                }
              });
      feeder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command + " did not finish");
      }
      feeder.join();
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

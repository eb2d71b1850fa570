package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.testing.DocsPages;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/cli.md "Configuration keys" lists exactly the keys hermes reads, each with its file. */
class ConfigKeyTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z_.]+)` \\| (profile|home) \\|");

  @Test
  void thePageListsEveryKeyHermesReadsWithTheFileItIsReadFrom() {
    Map<String, String> documented = new LinkedHashMap<>();
    String page = DocsPages.text("cli.md");
    String section = page.substring(page.indexOf("## Configuration keys"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    for (String line : section.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        documented.put(row.group(1), row.group(2));
      }
    }
    Map<String, String> read =
        Arrays.stream(ConfigKey.values())
            .collect(
                Collectors.toMap(ConfigKey::path, k -> k.where().name().toLowerCase(Locale.ROOT)));
    assertThat(documented).containsExactlyInAnyOrderEntriesOf(read);
  }

  @Test
  void aKeyPrintsAsItsPathSoMessagesCanNameIt() {
    assertThat(ConfigKey.GATEWAY_PORT + " is not set").isEqualTo("gateway.port is not set");
  }
}

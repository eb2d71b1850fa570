package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.core.HermesHome;
import dev.hermes.core.audit.Actor;
import dev.hermes.core.audit.AuditAction;
import dev.hermes.core.audit.AuditLog;
import dev.hermes.supervision.testing.FakeServiceManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayHistoryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  private AuditLog audit;

  @BeforeEach
  void profiles() {
    for (String profile : List.of("coder", "notes")) {
      assertThat(CliRun.run(home, "profile", "create", profile).code()).isZero();
    }
    audit = AuditLog.of(new HermesHome(home), w -> {});
  }

  @Test
  void withoutAProfileEveryProfilesEventsShowNewestLast() {
    audit.record("coder", AuditAction.START, Actor.CLI, "hermes gateway start", "ok");
    audit.record("notes", AuditAction.STOP, Actor.dashboard("op"), "", "failed: no slot");

    List<String> lines = CliRun.run(home, "gateway", "history").out().lines().toList();

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("TIME").contains("PROFILE", "ACTION", "ACTOR", "RESULT");
    assertThat(lines.get(1)).contains("coder", "start", "cli", "hermes gateway start", "ok");
    assertThat(lines.get(2)).contains("notes", "stop", "dashboard (op)", " - ", "failed: no slot");
  }

  @Test
  void theHelpSaysThatWithoutAProfileEveryProfileIsShown() {
    String help = CliRun.run(home, "gateway", "history", "--help").out();

    assertThat(help)
        .contains("Show this profile's events only (default: every profile's).")
        .doesNotContain("(default: default)");
  }

  @Test
  void aProfileAndALimitNarrowTheEvents() throws IOException {
    for (int i = 0; i < 5; i++) {
      audit.record("coder", AuditAction.RESTART, Actor.TERMINAL_VIEW, "n=" + i, "ok");
      audit.record("notes", AuditAction.RESTART, Actor.CLI, "n=" + i, "ok");
    }

    JsonNode events =
        JSON.readTree(
            CliRun.run(home, "-p", "coder", "gateway", "history", "-n", "2", "--json").out());

    assertThat(events).hasSize(2);
    assertThat(events.get(0).get("reason").asText()).isEqualTo("n=3");
    assertThat(events.get(1).get("reason").asText()).isEqualTo("n=4");
    assertThat(events.get(1).get("actor").asText()).isEqualTo("terminal-view");
  }

  @Test
  void rotatedFilesAreReadFirstAndGarbageIsSkipped() throws IOException {
    Path logs = home.resolve("logs");
    Files.writeString(
        logs.resolve("audit.jsonl.1"),
        "{\"time\":\"2026-12-03T16:20:01Z\",\"profile\":\"coder\",\"action\":\"crash\","
            + "\"actor\":\"supervisor\",\"uid\":1000,\"user\":\"hermes\",\"reason\":\"exit 1\","
            + "\"result\":\"restart in 2000 ms\"}\n");
    audit.record("coder", AuditAction.START, Actor.CLI, "", "ok");
    Files.writeString(logs.resolve("audit.jsonl"), "{\"torn\":\n", StandardOpenOption.APPEND);

    List<String> lines = CliRun.run(home, "gateway", "history").out().lines().toList();

    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("2026-12-03T16:20:01Z").contains("restart in 2000 ms");
    assertThat(lines.get(2)).contains("start");
  }

  @Test
  void noEventsIsOneLineOrAnEmptyArray() {
    assertThat(CliRun.run(home, "gateway", "history").out())
        .isEqualTo(
            "No lifecycle events recorded yet in " + home.resolve("logs/audit.jsonl") + "\n");
    assertThat(CliRun.run(home, "gateway", "history", "--json").out().strip()).isEqualTo("[ ]");
  }

  @Test
  void anUnknownProfileOrABadCountIsOneErrorLine() {
    CliRun unknown = CliRun.run(home, "-p", "nobody", "gateway", "history");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err().lines()).singleElement().asString().contains("nobody");

    CliRun zero = CliRun.run(home, "gateway", "history", "-n", "0");
    assertThat(zero.code()).isEqualTo(Main.USAGE);
    assertThat(zero.err()).startsWith("hermes: error: ");
  }

  @Test
  void aLifecycleCommandOfTheCliIsRecordedWithItsCommandLine() {
    FakeServiceManager manager = FakeServiceManager.local().acceptLifecycle().down("coder");

    CliRun stop = CliRun.run(home, manager, "gateway", "stop", "--all");

    assertThat(stop.code()).as(stop.err()).isZero();
    assertThat(audit.read("coder"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo(Actor.CLI);
              assertThat(e.reason()).isEqualTo("hermes gateway stop --all");
              assertThat(e.result()).isEqualTo("ok");
            });
  }
}

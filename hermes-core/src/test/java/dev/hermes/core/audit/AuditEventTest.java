package dev.hermes.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTest {
  private static final Instant TIME = Instant.parse("2026-12-03T16:20:01.123Z");

  @Test
  void aLineHasTheFixedKeysInTheFixedOrder() {
    AuditEvent event =
        new AuditEvent(TIME, "alice", AuditAction.STOP, Actor.CLI, 1000, "hermes", "", "ok");

    assertThat(new String(event.toLine(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"time\":\"2026-12-03T16:20:01.123Z\",\"profile\":\"alice\",\"action\":\"stop\","
                + "\"actor\":\"cli\",\"uid\":1000,\"user\":\"hermes\",\"reason\":\"\","
                + "\"result\":\"ok\"}\n");
  }

  @Test
  void aDashboardLineNamesTheSessionUserAfterTheOsUser() {
    AuditEvent event =
        new AuditEvent(
            TIME, "alice", AuditAction.START, Actor.dashboard("ops"), 10000, "hermes", "", "ok");

    assertThat(new String(event.toLine(), StandardCharsets.UTF_8))
        .contains("\"user\":\"hermes\",\"session_user\":\"ops\",\"reason\":");
    assertThat(AuditEvent.parse(new String(event.toLine(), StandardCharsets.UTF_8)))
        .contains(event);
  }

  @Test
  void aLineAsTheFinishScriptPrintsItIsRead() {
    // printf '{"time":"%s","profile":"%s",...}\n' with date -u +%Y-%m-%dT%H:%M:%SZ and id -u.
    String line =
        "{\"time\":\"2026-12-03T16:20:01Z\",\"profile\":\"alice\",\"action\":\"crash\","
            + "\"actor\":\"supervisor\",\"uid\":1000,\"user\":\"hermes\","
            + "\"reason\":\"exit 1\",\"result\":\"restart in 2000 ms\"}";

    assertThat(AuditEvent.parse(line))
        .contains(
            new AuditEvent(
                Instant.parse("2026-12-03T16:20:01Z"),
                "alice",
                AuditAction.CRASH,
                Actor.SUPERVISOR,
                1000,
                "hermes",
                "exit 1",
                "restart in 2000 ms"));
  }

  @Test
  void aReasonWithQuotesAndLineBreaksStaysOnOneLineAndReadsBack() {
    AuditEvent event =
        new AuditEvent(
            TIME, "bob", AuditAction.HOLD, Actor.SUPERVISOR, 0, "root", "say \"hi\"\nnow", "held");

    String line = new String(event.toLine(), StandardCharsets.UTF_8);

    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    assertThat(AuditEvent.parse(line.strip())).contains(event);
  }

  @Test
  void extraKeysAreIgnored() {
    String line =
        "{\"time\":\"2026-12-03T16:20:01Z\",\"profile\":\"a\",\"action\":\"hold\","
            + "\"actor\":\"supervisor\",\"uid\":1,\"user\":\"u\",\"reason\":\"r\","
            + "\"result\":\"held\",\"code\":\"crash_loop\"}";

    assertThat(AuditEvent.parse(line)).map(AuditEvent::result).contains("held");
  }

  @Test
  void garbageAMissingKeyAWrongTypeOrAnUnknownActionIsNoEvent() {
    String good =
        "{\"time\":\"2026-12-03T16:20:01Z\",\"profile\":\"a\",\"action\":\"stop\","
            + "\"actor\":\"cli\",\"uid\":1,\"user\":\"u\",\"reason\":\"\",\"result\":\"ok\"}";
    assertThat(AuditEvent.parse(good)).isPresent();

    assertThat(AuditEvent.parse("not json")).isEmpty();
    assertThat(AuditEvent.parse("[1,2]")).isEmpty();
    assertThat(AuditEvent.parse(good.substring(0, good.length() / 2))).isEmpty();
    assertThat(AuditEvent.parse(good.replace(",\"reason\":\"\"", ""))).isEmpty();
    assertThat(AuditEvent.parse(good.replace("\"uid\":1", "\"uid\":\"1\""))).isEmpty();
    assertThat(AuditEvent.parse(good.replace("2026-12-03T16:20:01Z", "yesterday"))).isEmpty();
    assertThat(AuditEvent.parse(good.replace("\"stop\"", "\"explode\""))).isEmpty();
  }

  @Test
  void aHugeReasonIsCut() {
    AuditEvent event =
        new AuditEvent(
            TIME, "a", AuditAction.STOP, Actor.CLI, 1, "u", "x".repeat(5000), "failed: y");

    assertThat(event.reason()).hasSizeLessThan(AuditEvent.MAX_TEXT + 20).endsWith("[truncated]");
  }
}

package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime user cannot get anything run as root through the supervision tree: every place under
 * /run it can write belongs to its own s6-svscan, and a service it plants there runs as itself.
 */
class PrivilegeIT extends ContainerTest {
  private static final String OWN_SCANDIR = "/run/hermes/service";

  @Test
  void hermesCannotGetACommandRunAsRootThroughAScandirOrAControlFifo() {
    Container container = container(RunOptions.defaults(), IDLE);
    bootIdle(container);

    // Every directory and FIFO under /run the hermes user can write.
    ExecResult writable =
        shell(
            container,
            "hermes",
            "find /run -xdev \\( -type d -o -type p \\) -writable 2>/dev/null");
    List<String> places =
        Arrays.stream(writable.out().split("\n")).filter(s -> !s.isBlank()).toList();
    // Root's scandir, s6-rc's service directories and the container environment
    // (read back by root's with-contenv scripts) must not be among them.
    assertThat(places)
        .as("places under /run the hermes user can write")
        .contains(OWN_SCANDIR)
        .noneMatch(
            p -> p.equals("/run") || p.startsWith("/run/service") || p.startsWith("/run/s6"));

    // Drop a service into every writable directory (each named after it: /run/lock, for one,
    // is everyone's); a planted service may only ever run as hermes.
    String plant =
        "n=0; for d in $(find /run -xdev -type d -writable 2>/dev/null); do n=$((n + 1));"
            + " m=$(printf %s \"$d\" | tr / _);"
            + " mkdir -p \"$d/planted$m\" && printf '#!/bin/sh\\nid -u >/tmp/planted%s.uid\\n"
            + "exec sleep 1000000\\n' \"$m\" >\"$d/planted$m/run\" && chmod +x \"$d/planted$m/run\";"
            + " [ -e \"$d/run\" ] || { printf '#!/bin/sh\\nid -u >/tmp/run%s.uid\\n' \"$m\" >\"$d/run\""
            + " && chmod +x \"$d/run\"; }; done; echo planted $n";
    ExecResult planted = shell(container, "hermes", plant);
    assertThat(planted.out()).as(planted.toString()).startsWith("planted ");
    assertThat(shell(container, null, "/command/s6-svscanctl -an /run/service").ok()).isTrue();
    assertThat(shell(container, "hermes", "/command/s6-svscanctl -an " + OWN_SCANDIR).ok())
        .isTrue();
    String marker = "/tmp/planted" + OWN_SCANDIR.replace('/', '_') + ".uid";
    String uid =
        Waits.until(
            BOOT,
            "the service planted in hermes's own scandir running",
            () -> {
              ExecResult r = shell(container, null, "cat " + marker + " 2>/dev/null");
              return r.ok() && !r.out().isBlank() ? r.out().trim() : null;
            },
            () -> shell(container, null, "ls -la /tmp " + OWN_SCANDIR).toString());
    assertThat(uid).as("the planted service's user").isEqualTo(HERMES_UID);
    ExecResult rootMarkers =
        shell(container, null, "grep -lx 0 /tmp/planted*.uid /tmp/run*.uid 2>/dev/null");
    assertThat(rootMarkers.out()).as("markers written by root").isBlank();

    // Root's own scandir and supervisors refuse the hermes user.
    assertThat(shell(container, "hermes", "mkdir /run/service/planted").ok()).isFalse();
    assertThat(shell(container, "hermes", "echo x >/run/service/dashboard/run").ok()).isFalse();
    for (String service : List.of("dashboard", "hermes-gateways", "main-hermes")) {
      ExecResult svc =
          container.exec("hermes", Map.of(), "/command/s6-svc", "-d", "/run/service/" + service);
      assertThat(svc.code()).as("s6-svc -d %s as hermes: %s", service, svc).isNotZero();
    }
    assertThat(shell(container, "hermes", "/command/s6-svscanctl -a /run/service").ok())
        .as("s6-svscanctl on root's scandir as hermes")
        .isFalse();
  }
}
